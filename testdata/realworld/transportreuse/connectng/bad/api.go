package bad

import "encoding/json"

// Product is a product of the registration server.
type Product struct {
	Name        string    `json:"identifier"`
	Version     string    `json:"version"`
	Arch        string    `json:"arch"`
	Recommended bool      `json:"recommended"`
	Extensions  []Product `json:"extensions"`
}

func (p Product) query() map[string]string {
	return map[string]string{"identifier": p.Name, "version": p.Version, "arch": p.Arch}
}

// Service is the repository service a product activation returns.
type Service struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

func activateProduct(p Product, email string) (Service, error) {
	payload, err := json.Marshal(map[string]string{
		"identifier": p.Name, "version": p.Version, "arch": p.Arch,
		"token": CFG.Token, "email": email,
	})
	if err != nil {
		return Service{}, err
	}
	body, err := callHTTP("POST", "/connect/systems/products", payload, nil, authSystem)
	if err != nil {
		return Service{}, err
	}
	var s Service
	err = json.Unmarshal(body, &s)
	return s, err
}

func deactivateProduct(p Product) (Service, error) {
	payload, err := json.Marshal(p)
	if err != nil {
		return Service{}, err
	}
	body, err := callHTTP("DELETE", "/connect/systems/products", payload, nil, authSystem)
	if err != nil {
		return Service{}, err
	}
	var s Service
	err = json.Unmarshal(body, &s)
	return s, err
}

func showProduct(p Product) (Product, error) {
	body, err := callHTTP("GET", "/connect/systems/products", nil, p.query(), authSystem)
	if err != nil {
		return Product{}, err
	}
	var remote Product
	err = json.Unmarshal(body, &remote)
	return remote, err
}

func deregisterSystem() error {
	_, err := callHTTP("DELETE", "/connect/systems", nil, nil, authSystem)
	return err
}
