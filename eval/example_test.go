package eval_test

import (
	"fmt"

	"github.com/winnowlabs/winnow/eval"
)

func ExampleAccumulator() {
	var acc eval.Accumulator
	// The output stops halfway: its 3 shingles are all in the ground
	// truth, which has 6.
	page := acc.Add("The quick brown fox jumps over", "The quick brown fox jumps over the lazy dog.", false)
	fmt.Printf("page: tp=%.2f fp=%.2f fn=%.2f\n", page.TP, page.FP, page.FN)

	s := acc.Scores()
	fmt.Printf("precision=%.2f recall=%.2f F1=%.2f\n", s.Precision, s.Recall, s.F1)
	// Output:
	// page: tp=0.50 fp=0.00 fn=0.50
	// precision=1.00 recall=0.50 F1=0.67
}

func ExampleTokens() {
	fmt.Printf("%q\n", eval.Tokens("海獭 hold hands", false))
	fmt.Printf("%q\n", eval.Tokens("海獭 hold hands", true))
	// Output:
	// ["海獭" "hold" "hands"]
	// ["海" "獭" "hold" "hands"]
}
