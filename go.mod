module github.com/winnowlabs/winnow

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0
	github.com/longbridgeapp/opencc v0.3.13
	github.com/saintfish/chardet v0.0.0-20230101081208-5e3ef4b5456d
	golang.org/x/net v0.62.0
	golang.org/x/text v0.44.0
)

require (
	github.com/liuzl/cedar-go v0.0.0-20170805034717-80a9c64b256d // indirect
	github.com/liuzl/da v0.0.0-20180704015230-14771aad5b1d // indirect
)
