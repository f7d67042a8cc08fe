// Package controller stands for emqx-operator's EMQX controller
// (controllers/apps/v2beta1), the same before and after the fix: every
// reconcile walks the cluster's pods and asks each ready core node's
// management API whether it may serve.
package controller

import (
	"net"
	"strconv"

	requester "example.com/realworld/keepalivesoff/emqxoperator/bad"
)

// Pod is the part of a Kubernetes pod the controller reads.
type Pod struct {
	Name  string
	UID   string
	PodIP string
	Ready bool
}

// EMQX is the part of the EMQX resource the controller reads.
type EMQX struct {
	DashboardPort int
	DashboardTLS  bool
	Username      string
	Password      string
	CoreNodeUIDs  []string
}

// Condition is the pod's "on serving" condition.
type Condition string

// Condition values.
const (
	ConditionTrue    Condition = "True"
	ConditionFalse   Condition = "False"
	ConditionUnknown Condition = "Unknown"
)

// updatePodConditions sets the "on serving" condition of each pod.
func updatePodConditions(instance *EMQX, pods []Pod, patch func(Pod, Condition)) {
	for _, pod := range pods {
		if !pod.Ready {
			continue
		}
		patch(pod, checkInCluster(instance, pod))
	}
}

func checkInCluster(instance *EMQX, pod Pod) Condition {
	for _, uid := range instance.CoreNodeUIDs {
		if uid == pod.UID {
			return checkRebalanceStatus(instance, pod)
		}
	}
	return ConditionFalse
}

func checkRebalanceStatus(instance *EMQX, pod Pod) Condition {
	schema := "http"
	if instance.DashboardTLS {
		schema = "https"
	}
	r := &requester.Requester{
		Schema:   schema,
		Host:     net.JoinHostPort(pod.PodIP, strconv.Itoa(instance.DashboardPort)),
		Username: instance.Username,
		Password: instance.Password,
	}
	u := r.GetURL("api/v5/load_rebalance/availability_check")
	resp, _, err := r.Request("GET", u, nil, nil)
	if err != nil {
		return ConditionUnknown
	}
	if resp.StatusCode != 200 {
		return ConditionFalse
	}
	return ConditionTrue
}
