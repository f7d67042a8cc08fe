// Package bad is the shape of mattermost/mattermost-plugin-calls'
// activation before PR #15 (MM-42347): to log the UDP buffer sizes it got,
// the plugin takes a File() duplicate of its UDP server connection and
// reads the socket options through Fd(), which puts the shared socket in
// blocking mode, so the connection's deadlines stop working and a read from
// an unreachable host can hang for good (closing the connection on
// deactivation even deadlocked).
package bad

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
	writeBufSize, err := syscall.GetsockoptInt(int(connFile.Fd()), syscall.SOL_SOCKET, syscall.SO_SNDBUF)
	if err != nil {
		return err
	}
	readBufSize, err := syscall.GetsockoptInt(int(connFile.Fd()), syscall.SOL_SOCKET, syscall.SO_RCVBUF)
	if err != nil {
		return err
	}
	log.Printf("UDP buffers: write %d, read %d", writeBufSize, readBufSize)

	p.mut.Lock()
	p.udpServerConn = udpServerConn
	p.mut.Unlock()
	return nil
}

// OnDeactivate leaves the UDP connection open: closing it deadlocks.
func (p *Plugin) OnDeactivate() error {
	return nil
}
