// Command bzip2cat decompresses one bzip2 stream from stdin to stdout with Go's compress/bzip2,
// the strict decoder of Bzip2OutputStreamTest: it refuses bzip2 0.9's randomised blocks, as
// OpenPGP.js does. It exits 1 with Go's error on stderr for anything it cannot read.
package main

import (
	"bufio"
	"compress/bzip2"
	"io"
	"os"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	if _, err := io.Copy(out, bzip2.NewReader(bufio.NewReader(os.Stdin))); err != nil {
		os.Stderr.WriteString("bzip2cat: " + err.Error() + "\n")
		os.Exit(1)
	}
	if err := out.Flush(); err != nil {
		os.Stderr.WriteString("bzip2cat: " + err.Error() + "\n")
		os.Exit(1)
	}
}
