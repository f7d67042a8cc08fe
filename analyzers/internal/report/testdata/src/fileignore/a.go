// Package fileignore: //kalint:file-ignore covers its file, not the package.
package fileignore

//kalint:file-ignore respbody this file is a throwaway client

func leak() int { return 0 }
func post() int { return 0 }

func a() {
	leak()
	leak()
	post() // want `call of post`
}
