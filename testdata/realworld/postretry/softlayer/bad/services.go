package bad

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// ProductOrderService places orders.
type ProductOrderService struct {
	client *HttpClient
}

// PlaceOrder orders a virtual guest; the API answers with the receipt.
func (s *ProductOrderService) PlaceOrder(order any) ([]byte, error) {
	body, err := json.Marshal(map[string]any{"parameters": []any{order}})
	if err != nil {
		return nil, err
	}
	data, code, err := s.client.DoRawHttpRequest("SoftLayer_Product_Order/placeOrder.json", "POST", bytes.NewBuffer(body))
	if err != nil {
		return nil, err
	}
	if code >= 400 {
		return nil, fmt.Errorf("placeOrder: HTTP %d", code)
	}
	return data, nil
}
