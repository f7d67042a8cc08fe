package good

import "fmt"

// Register activates base and the recommended extensions of its tree.
func Register(base Product) error {
	if _, err := activateProduct(base, CFG.Email); err != nil {
		return err
	}
	tree, err := showProduct(base)
	if err != nil {
		return err
	}
	return registerTree(tree)
}

// registerTree walks the product tree depth first and activates every
// recommended extension.
func registerTree(p Product) error {
	for _, ext := range p.Extensions {
		if !ext.Recommended {
			continue
		}
		fmt.Printf("Activating %s %s %s ...\n", ext.Name, ext.Version, ext.Arch)
		if _, err := activateProduct(ext, CFG.Email); err != nil {
			return err
		}
		if err := registerTree(ext); err != nil {
			return err
		}
	}
	return nil
}

// Deregister deactivates the installed extensions of base, last first,
// then removes the system.
func Deregister(base Product, installed map[string]bool) error {
	tree, err := showProduct(base)
	if err != nil {
		return err
	}
	var deps []Product
	for _, ext := range tree.Extensions {
		if installed[ext.Name] {
			deps = append(deps, ext)
		}
	}
	for i := len(deps) - 1; i >= 0; i-- {
		fmt.Printf("Deactivating %s ...\n", deps[i].Name)
		if _, err := deactivateProduct(deps[i]); err != nil {
			return err
		}
	}
	return deregisterSystem()
}
