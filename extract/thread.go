package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Comment threads known by their titles: a blog's thread title naming the
// post ("59 Comments on “Title”", "《标题》已有1件评论") and comments titled
// "re: " and the post's title, both checked against the page's earlier
// headings or lines (see threadTitles), for HTML's junk containers
// (junkContainers) and text's stop sections (leaveStopSections).

// threadTitle returns the post's title that a blog names in the title it
// puts over the post's comment thread, after a count: "Starship Troopers"
// in "59 Comments on “Starship Troopers”", and likewise "One thought on
// “Hello world”", "12 Responses to "Tea"", "3 commentaires sur « Le thé »",
// "2 Kommentare zu „Tee“". Too long for isStopHeading's limit, such a title
// is recognised by its shape: a count (digits or the word for one), a word
// for comments, a preposition, then the quoted title, which ends the text.
// It returns "" for any other text. An article's own headline can have
// that shape ("5 Responses to “Why I Left”"): the caller checks that the
// quoted title is the page's, an earlier heading (see junkContainers).
func threadTitle(text string) string {
	text = strings.TrimSpace(text)
	if title := zhThreadTitle(text); title != "" {
		return title
	}
	q := strings.IndexAny(text, "“\"«„‘「『")
	if q < 0 {
		return ""
	}
	words := strings.Fields(text[:q])
	if len(words) != 3 {
		return ""
	}
	count, noun, prep := strings.ToLower(words[0]), strings.ToLower(words[1]), strings.ToLower(words[2])
	if !threadNouns[noun] || !threadPrepositions[prep] || !isCount(count) {
		return ""
	}
	_, size := utf8.DecodeRuneInString(text[q:])
	quoted := text[q+size:]
	last, lsize := utf8.DecodeLastRuneInString(quoted)
	if !strings.ContainsRune("”\"»“‘’」』", last) {
		return ""
	}
	return strings.TrimSpace(quoted[:len(quoted)-lsize])
}

// zhThreadTitle returns the post's title that a Chinese blog names in its
// thread's title, where the quoted title comes first and the count after
// it: "播客" in "《播客》已有1件评论", and likewise "“播客”上有 3 条评论",
// "“播客”的3个回复", "《播客》有5个想法" (WordPress's Chinese forms). It
// returns "" for any other text.
func zhThreadTitle(text string) string {
	open, size := utf8.DecodeRuneInString(text)
	closer, ok := zhTitleQuotes[open]
	if !ok {
		return ""
	}
	end := strings.LastIndex(text, closer)
	if end <= size {
		return ""
	}
	title := strings.TrimSpace(text[size:end])
	tail := strings.Join(strings.Fields(text[end+len(closer):]), "")
	for _, p := range zhThreadLinks {
		if strings.HasPrefix(tail, p) {
			tail = tail[len(p):]
			break
		}
	}
	digits := 0
	for digits < len(tail) && digits < 8 && tail[digits] >= '0' && tail[digits] <= '9' {
		digits++
	}
	switch {
	case digits > 0 && digits <= 7:
		tail = tail[digits:]
	case strings.HasPrefix(tail, "一"):
		tail = tail[len("一"):]
	default:
		return ""
	}
	if r, n := utf8.DecodeRuneInString(tail); strings.ContainsRune("件条條个個篇则則", r) {
		tail = tail[n:]
	}
	if !zhThreadNouns[tail] || title == "" {
		return ""
	}
	return title
}

// zhTitleQuotes pairs the marks that open a quoted title with those that
// close it (see zhThreadTitle). Read only.
var zhTitleQuotes = map[rune]string{'《': "》", '“': "”", '「': "」", '『': "』", '"': "\""}

// zhThreadLinks join a quoted title to its count of comments (see
// zhThreadTitle), longest first. Read only.
var zhThreadLinks = []string{"上的", "上有", "已有", "共有", "中的", "上", "的", "有", "共"}

// zhThreadNouns name the comments a Chinese thread's title counts (see
// zhThreadTitle). Read only.
var zhThreadNouns = setOf("评论", "評論", "回复", "回覆", "想法", "留言", "回应", "回應")

// threadTitles finds the blocks that are a blog's thread title naming an
// earlier block of the same text (see threadTitle), a heading when headings
// is set: the post's headline; and (replyAt) the comments titled "re: " and
// an earlier block's text. The index of the blocks' texts is built at the
// first title, so that a page of many headings pays for one index, not a
// scan a heading.
type threadTitles struct {
	blocks   []Block
	headings bool
	// Once a title turned up (see index):
	keys    []string       // each block's case-folded text (see foldKey), "" for a block not indexed
	first   map[string]int // each key's first block
	longest int            // the length of the longest key, at most maxTitleBytes
}

// index folds the texts of the blocks, of their headings only when
// headings is set, and maps each to the first block that holds it: the
// headlines a thread title can name. It runs once.
func (t *threadTitles) index() {
	if t.first != nil {
		return
	}
	t.keys = make([]string, len(t.blocks))
	t.first = make(map[string]int)
	for i := range t.blocks {
		if t.headings && !t.blocks[i].Heading {
			continue
		}
		key := foldKey(t.blocks[i].Text)
		if j, ok := t.first[key]; ok {
			key = t.keys[j] // one copy of a repeated text
		} else {
			t.first[key] = i
		}
		t.keys[i] = key
		t.longest = max(t.longest, min(len(key), maxTitleBytes))
	}
}

// at reports whether blocks[i] is a thread title naming an earlier block.
func (t *threadTitles) at(i int) bool {
	title := threadTitle(t.blocks[i].Text)
	if title == "" {
		return false
	}
	t.index()
	return namedBefore(t.first, i, title)
}

// replyAt returns the index of the earlier block whose text blocks[i]
// repeats after "Re:" (see replyTitle), or -1: a comment titled after the
// post, or a forum's reply titled after the topic.
func (t *threadTitles) replyAt(i int) int {
	rest := replyTitle(t.blocks[i].Text)
	if rest == "" {
		return -1
	}
	t.index()
	return namedAtStart(t.first, t.longest, i, rest)
}

// replyTitle returns what follows "Re:" in a comment's title that repeats
// the post's ("# re: Hello world 2004-12-27 12:46 jane", as .Text and
// Community Server blogs title each comment; "回复：…" in Chinese), or ""
// for any other text: the post's title and whatever follows it (the date,
// the commenter's name), for namedAtStart to find the title in. A
// permalink's "#" before it is skipped.
func replyTitle(text string) string {
	text = strings.TrimSpace(text)
	text = strings.TrimSpace(strings.TrimPrefix(text, "#"))
	for _, p := range replyPrefixes {
		if len(text) > len(p) && strings.EqualFold(text[:len(p)], p) {
			return strings.TrimSpace(text[len(p):])
		}
	}
	return ""
}

// replyPrefixes open a reply's title (see replyTitle). Read only.
var replyPrefixes = []string{"re:", "re :", "re：", "回复:", "回复：", "回覆:", "回覆：", "答复:", "答复："}

// maxTitleBytes bounds the length of a title namedAtStart looks for (its
// case-folded UTF-8): 85 Chinese characters, or some 40 English words.
const maxTitleBytes = 256

// namedAtStart returns the index of a block before the i-th whose text
// text begins with, letter case and spacing aside, up to a word's end (see
// titleEnds); or -1. first is the blocks' index (threadTitles.first), and
// longest the length of its longest key: no longer start is looked up.
func namedAtStart(first map[string]int, longest, i int, text string) int {
	// Block texts have their spaces collapsed already, and case folding
	// shrinks a rune to a third at most (the Kelvin sign's 3 bytes fold to
	// "k"): 3*maxTitleBytes bytes of text hold every start to look up.
	cut := len(text) > 3*maxTitleBytes
	if cut {
		end := 3 * maxTitleBytes
		for end > 0 && !utf8.RuneStart(text[end]) {
			end--
		}
		text = text[:end]
	}
	key := foldKey(collapseSpace(text))
	prev := rune(-1)
	for end, r := range key {
		if end > longest {
			return -1
		}
		if prev >= 0 && titleEnds(prev, r) {
			if j, ok := first[key[:end]]; ok && j < i {
				return j
			}
		}
		prev = r
	}
	if j, ok := first[key]; ok && j < i && !cut && len(key) <= longest {
		return j
	}
	return -1
}

// titleEnds reports whether a title may end between the runes prev and
// next: where a word ends (a space or punctuation on either side), or next
// to a Han character, Chinese writing no spaces ("很高兴入住博客堂2004-12-27").
func titleEnds(prev, next rune) bool {
	return !isWordRune(prev) || !isWordRune(next) || unicode.Is(unicode.Han, prev) || unicode.Is(unicode.Han, next)
}

// isWordRune reports whether r is a letter, a digit, or a mark that goes
// with a letter (a Devanagari vowel sign, a decomposed accent).
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// namedBefore reports whether title, unless empty, is the text of a block
// before the i-th, letter case and spacing aside; first is the blocks'
// index (threadTitles.first).
func namedBefore(first map[string]int, i int, title string) bool {
	if title == "" {
		return false
	}
	j, ok := first[foldKey(collapseSpace(title))]
	return ok && j < i
}

// foldKey returns s with letter case folded, for comparing titles as
// strings.EqualFold does ("ΠΑΡΙΣ" and "Παρις" alike: lower-casing alone
// keeps the final sigma apart).
func foldKey(s string) string { return strings.ToLower(strings.ToUpper(s)) }

// isCount reports whether word is a count of comments in a thread's
// title: up to seven digits, grouped by thousands or not ("1234",
// "1,234", "1.234"), or the word for one.
func isCount(word string) bool {
	if threadCountWords[word] {
		return true
	}
	digits, group := 0, -1 // group: the digits since the last separator, -1 before one
	var sep byte           // the separator of thousands, one throughout
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= '0' && c <= '9':
			digits++
			if group >= 0 {
				group++
			}
		case (c == ',' || c == '.') && (sep == 0 || c == sep) && (group < 0 && digits > 0 && digits <= 3 || group == 3):
			sep, group = c, 0
		default:
			return false
		}
	}
	return digits > 0 && digits <= 7 && (group < 0 || group == 3)
}

// threadNouns name the comments counted in a thread's title (see
// threadTitle). Read only.
var threadNouns = setOf("comment", "comments", "thought", "thoughts", "response", "responses",
	"reply", "replies", "commentaire", "commentaires", "réponse", "réponses", "kommentar",
	"kommentare", "antwort", "antworten", "comentario", "comentarios", "comentário",
	"comentários", "respuesta", "respuestas", "resposta", "respostas", "commento", "commenti",
	"risposta", "risposte", "reactie", "reacties", "komentarz", "komentarze", "komentarzy")

// threadPrepositions join the count of comments to the post's title in a
// thread's title (see threadTitle). Read only.
var threadPrepositions = setOf("on", "to", "about", "for", "sur", "à", "pour", "zu", "zum", "auf",
	"en", "a", "para", "em", "su", "per", "op", "bij", "do")

// threadCountWords are the words for one that open a thread's title in
// place of a digit ("One thought on “Hello”"). Read only.
var threadCountWords = setOf("one", "un", "une", "ein", "eine", "uno", "una", "um", "uma", "één", "jeden")

// setOf returns a set holding words.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
