// Package k8sutil talks to the Kubernetes API server.
package k8sutil

import "net/http"

// WatchETCDCluster opens a watch of the EtcdCluster resources from
// resourceVersion on.
func WatchETCDCluster(host string, httpClient *http.Client, resourceVersion string) (*http.Response, error) {
	return httpClient.Get(host + "/apis/coreos.com/v1/namespaces/default/etcdclusters?watch=true&resourceVersion=" + resourceVersion)
}
