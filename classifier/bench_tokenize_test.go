package classifier

import (
	"fmt"
	"strings"
	"testing"
)

var benchSizes = []int{10, 100, 1000, 10000}

// benchText returns a line of about n words in the given script.
func benchText(n int, script string) string {
	var words []string
	switch script {
	case "ascii":
		words = strings.Fields("the council approved the budget after a long debate on 12 March share this story")
	case "latin":
		words = strings.Fields("Café Straße naïve Ærø façade résumé über Ελλάδα Москва 2024")
	case "cjk":
		words = strings.Fields("研究人员 表示 新的 模型 在所有 測試中 都減少了 錯誤 GPT3.5模型 ２０２３年")
	}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()
}

func BenchmarkTokenize(b *testing.B) {
	for _, script := range []string{"ascii", "latin", "cjk"} {
		for _, n := range benchSizes {
			text := benchText(n, script)
			b.Run(fmt.Sprintf("%s/n=%d", script, n), func(b *testing.B) {
				tk := NewTokenizer()
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					tk.Words(text)
				}
			})
		}
	}
}
