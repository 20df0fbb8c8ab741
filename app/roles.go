// The window's Roles facade: roles, their pipeline stages and the rejection reasons.

package app

import (
	"context"

	"hirebench/app/model"
	"hirebench/app/tracking"
)

// Roles is bound to the window: roles, their pipelines and rejection reasons.
type Roles struct {
	svc *tracking.Service
	ws  *Workspace
}

func NewRoles(svc *tracking.Service, ws *Workspace) *Roles { return &Roles{svc: svc, ws: ws} }

func (r *Roles) List() ([]model.Role, error) { return result(r.svc.Roles(context.Background())) }

func (r *Roles) Get(id int64) (model.Role, error) {
	return result(r.svc.Role(context.Background(), id))
}

// Create adds a role whose pipeline is stages (in order), then Rejected.
func (r *Roles) Create(in model.RoleInput, stages []string) (model.Role, error) {
	return signedIn(r.ws, func() (model.Role, error) { return r.svc.CreateRoleWithStages(context.Background(), in, stages) })
}

// DefaultStages is the pipeline the New role form starts from (Rejected not listed).
func (r *Roles) DefaultStages() []string { return tracking.DefaultStages() }

// NewStageIndex is where a stage added to these active stages goes: before the closing ones.
func (r *Roles) NewStageIndex(stages []string) int { return tracking.NewStageIndex(stages) }

func (r *Roles) Update(id int64, in model.RoleInput) (model.Role, error) {
	return signedIn(r.ws, func() (model.Role, error) { return r.svc.UpdateRole(context.Background(), id, in) })
}

func (r *Roles) AddStage(roleID int64, name string) (model.Role, error) {
	return signedIn(r.ws, func() (model.Role, error) { return r.svc.AddStage(context.Background(), roleID, name) })
}

func (r *Roles) RenameStage(stageID int64, name string) (model.Role, error) {
	return signedIn(r.ws, func() (model.Role, error) { return r.svc.RenameStage(context.Background(), stageID, name) })
}

func (r *Roles) ReorderStages(roleID int64, stageIDs []int64) (model.Role, error) {
	return signedIn(r.ws, func() (model.Role, error) { return r.svc.ReorderStages(context.Background(), roleID, stageIDs) })
}

// DeleteStage deletes a stage; moveTo is required when it holds candidates.
// What it returns is the receipt UndoDeleteStage takes.
func (r *Roles) DeleteStage(stageID, moveTo int64) (model.StageDeletion, error) {
	return withActor(r.ws, func(a model.Profile) (model.StageDeletion, error) {
		return r.svc.DeleteStage(context.Background(), stageID, moveTo, a)
	})
}

// UndoDeleteStage brings a deleted stage back with its candidates, unless
// the workspace changed since (tracking.UndoDeleteStage).
func (r *Roles) UndoDeleteStage(d model.StageDeletion) (model.Role, error) {
	return withActor(r.ws, func(a model.Profile) (model.Role, error) {
		return r.svc.UndoDeleteStage(context.Background(), d, a)
	})
}

func (r *Roles) RejectionReasons() ([]string, error) {
	return result(r.svc.RejectionReasons(context.Background()))
}

func (r *Roles) SetRejectionReasons(labels []string) ([]string, error) {
	return signedIn(r.ws, func() ([]string, error) { return r.svc.SetRejectionReasons(context.Background(), labels) })
}
