// Command s2t reads the zh generator's JSON lines on stdin and writes them to
// stdout with the text of lines marked "conv": true converted from Simplified
// to Traditional (Taiwan standard) Chinese; the "conv" key is dropped.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"log"
	"os"

	"github.com/longbridgeapp/opencc"
)

type in struct {
	Text   string `json:"text"`
	Label  string `json:"label"`
	Page   string `json:"page"`
	Corpus string `json:"corpus"`
	Conv   bool   `json:"conv"`
}

type out struct {
	Text   string `json:"text"`
	Label  string `json:"label"`
	Page   string `json:"page"`
	Corpus string `json:"corpus"`
}

func main() {
	all := flag.Bool("all", false, "convert every line, whatever its conv key says (used by check.py)")
	flag.Parse()
	cc, err := opencc.New("s2tw")
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for sc.Scan() {
		var r in
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			log.Fatal(err)
		}
		if r.Conv || *all {
			if r.Text, err = cc.Convert(r.Text); err != nil {
				log.Fatal(err)
			}
		}
		if err := enc.Encode(out{r.Text, r.Label, r.Page, r.Corpus}); err != nil {
			log.Fatal(err)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
}
