package good

import (
	"context"
	"fmt"
	"net/http"
)

// User is a Redis Enterprise user.
type User struct {
	UID   int    `json:"uid"`
	Name  string `json:"name"`
	Role  string `json:"role"`
	Email string `json:"email"`
}

// CreateUser is the body of a user creation.
type CreateUser struct {
	Name     string `json:"name"`
	Password string `json:"password"`
	Role     string `json:"role,omitempty"`
}

// UpdateUser is the body of a password change.
type UpdateUser struct {
	Password string `json:"password"`
}

// ListUsers lists the cluster's users.
func (c *Client) ListUsers(ctx context.Context) ([]User, error) {
	var body []User
	if err := c.request(ctx, http.MethodGet, "/v1/users", nil, &body); err != nil {
		return nil, err
	}
	return body, nil
}

// CreateUser creates a user.
func (c *Client) CreateUser(ctx context.Context, create CreateUser) (User, error) {
	var body User
	if err := c.request(ctx, http.MethodPost, "/v1/users", create, &body); err != nil {
		return User{}, err
	}
	return body, nil
}

// UpdateUserPassword changes a user's password; the answer is not needed.
func (c *Client) UpdateUserPassword(ctx context.Context, id int, update UpdateUser) error {
	return c.request(ctx, http.MethodPut, fmt.Sprintf("/v1/users/%d", id), update, nil)
}

// DeleteUser deletes a user; the answer is not needed.
func (c *Client) DeleteUser(ctx context.Context, id int) error {
	return c.request(ctx, http.MethodDelete, fmt.Sprintf("/v1/users/%d", id), nil, nil)
}
