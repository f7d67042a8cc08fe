// Package good is the calls plugin's activation after PR #15: the socket
// options are read inside SyscallConn().Control of the duplicate, which
// leaves the socket non-blocking, so deadlines work again and the
// connection can be closed on deactivation.
package good

import (
	"log"
	"net"
	"sync"
	"syscall"
)

// Plugin is the calls plugin.
type Plugin struct {
	mut           sync.Mutex
	udpServerConn *net.UDPConn
	port          int
}

// OnActivate opens the plugin's UDP server connection.
func (p *Plugin) OnActivate() error {
	udpServerConn, err := net.ListenUDP("udp4", &net.UDPAddr{Port: p.port})
	if err != nil {
		return err
	}
	// larger UDP buffers for media
	if err := udpServerConn.SetWriteBuffer(4 << 20); err != nil {
		return err
	}
	if err := udpServerConn.SetReadBuffer(4 << 20); err != nil {
		return err
	}
	connFile, err := udpServerConn.File()
	if err != nil {
		return err
	}
	defer connFile.Close()
	sysConn, err := connFile.SyscallConn()
	if err != nil {
		return err
	}
	err = sysConn.Control(func(fd uintptr) {
		writeBufSize, err := syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_SNDBUF)
		if err != nil {
			log.Print(err)
		}
		readBufSize, err := syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF)
		if err != nil {
			log.Print(err)
		}
		log.Printf("UDP buffers: write %d, read %d", writeBufSize, readBufSize)
	})
	if err != nil {
		return err
	}

	p.mut.Lock()
	p.udpServerConn = udpServerConn
	p.mut.Unlock()
	return nil
}

// OnDeactivate closes the UDP connection.
func (p *Plugin) OnDeactivate() error {
	if p.udpServerConn != nil {
		p.udpServerConn.Close()
	}
	return nil
}
