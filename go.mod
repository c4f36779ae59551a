module github.com/winnowlabs/winnow

go 1.26.8
