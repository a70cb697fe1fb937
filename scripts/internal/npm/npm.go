// Package npm reads what the dict/ generators record of the npm packages
// they take their data from: name, version and licence.
package npm

import (
	"encoding/json"
	"fmt"
	"os"
)

// Package is one npm package as its package.json names it.
type Package struct{ Name, Version, License string }

// ReadPackage reads the name, version and licence of an npm package from
// its package.json at path; a file without a name or version is an error.
func ReadPackage(path string) (Package, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Package{}, fmt.Errorf("read package: %w", err)
	}
	var p Package
	if err := json.Unmarshal(b, &p); err != nil {
		return Package{}, fmt.Errorf("%s: %w", path, err)
	}
	if p.Name == "" || p.Version == "" {
		return Package{}, fmt.Errorf("%s: no name or version", path)
	}
	return p, nil
}
