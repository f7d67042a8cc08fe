// Package servers stands for gophercloud's openstack/compute/v2/servers,
// one of the resource packages that send through ServiceClient.
package servers

import gophercloud "example.com/realworld/keepalivesoff/gophercloud/bad"

// Server is a compute server.
type Server struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// Get fetches one server.
func Get(c *gophercloud.ServiceClient, id string) (*Server, error) {
	var r struct {
		Server Server `json:"server"`
	}
	if _, err := c.Get(c.ServiceURL("servers", id), &r, nil); err != nil {
		return nil, err
	}
	return &r.Server, nil
}

// WaitForStatus polls a server until it has status, for at most secs.
func WaitForStatus(c *gophercloud.ServiceClient, id, status string, secs int) error {
	return gophercloud.WaitFor(secs, func() (bool, error) {
		current, err := Get(c, id)
		if err != nil {
			return false, err
		}
		return current.Status == status, nil
	})
}
