// Package tracking is the candidate-tracking service: the rules for roles,
// pipelines, candidates, applications and notes. It validates every input
// before one storage transaction writes it, so nothing is half-saved.
package tracking

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"hirebench/app/model"
	"hirebench/storage"
)

type Service struct {
	store *storage.Store
}

func New(store *storage.Store) *Service { return &Service{store: store} }

// Roles lists roles with their pipelines.
func (s *Service) Roles(ctx context.Context) ([]model.Role, error) { return s.store.ListRoles(ctx) }

// Role returns one role.
func (s *Service) Role(ctx context.Context, id int64) (model.Role, error) {
	return s.store.GetRole(ctx, id)
}

// ResolveRole finds a role by id or by title (case-insensitive), as the CLI's
// --role accepts either. An ambiguous title is an error naming the ids.
func (s *Service) ResolveRole(ctx context.Context, ref string) (model.Role, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		if r, err := s.store.GetRole(ctx, id); err == nil {
			return r, nil
		}
	}
	ids, err := s.store.FindRolesByTitle(ctx, ref)
	if err != nil {
		return model.Role{}, err
	}
	switch len(ids) {
	case 0:
		return model.Role{}, model.Invalid("role", "no role has the id or title %q", ref)
	case 1:
		return s.store.GetRole(ctx, ids[0])
	default:
		return model.Role{}, model.Invalid("role", "%d roles are titled %q; use an id (%v)", len(ids), ref, ids)
	}
}

// CreateRole adds a role with the default pipeline.
func (s *Service) CreateRole(ctx context.Context, in model.RoleInput) (model.Role, error) {
	return s.CreateRoleWithStages(ctx, in, DefaultStages())
}

// CreateRoleWithStages adds a role whose pipeline is stages (in order),
// followed by Rejected; the role and its stages are checked together, so a
// bad stage name saves nothing.
func (s *Service) CreateRoleWithStages(ctx context.Context, in model.RoleInput, stages []string) (model.Role, error) {
	in.Normalize()
	v := &model.ValidationError{}
	var bad *model.ValidationError
	if err := in.Validate(); errors.As(err, &bad) {
		v.Fields = append(v.Fields, bad.Fields...)
	}
	stages, err := checkStages(stages)
	if errors.As(err, &bad) {
		v.Fields = append(v.Fields, bad.Fields...)
	}
	if err := v.Err(); err != nil {
		return model.Role{}, err
	}
	return s.store.CreateRole(ctx, in, stages)
}

// UpdateRole edits a role's details and status.
func (s *Service) UpdateRole(ctx context.Context, id int64, in model.RoleInput) (model.Role, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return model.Role{}, err
	}
	return s.store.UpdateRole(ctx, id, in)
}

// AddStage adds a stage to a role's pipeline, before its closing stages
// (NewStageIndex).
func (s *Service) AddStage(ctx context.Context, roleID int64, name string) (model.Role, error) {
	name, err := model.StageName(name)
	if err != nil {
		return model.Role{}, err
	}
	return s.store.AddStage(ctx, roleID, name, func(active []model.Stage) int {
		names := make([]string, len(active))
		for i, st := range active {
			names[i] = st.Name
		}
		return NewStageIndex(names)
	})
}

// RenameStage renames a stage.
func (s *Service) RenameStage(ctx context.Context, stageID int64, name string) (model.Role, error) {
	name, err := model.StageName(name)
	if err != nil {
		return model.Role{}, err
	}
	return s.store.RenameStage(ctx, stageID, name)
}

// ReorderStages sets the order of a role's active stages.
func (s *Service) ReorderStages(ctx context.Context, roleID int64, stageIDs []int64) (model.Role, error) {
	return s.store.ReorderStages(ctx, roleID, stageIDs)
}

// DeleteStage deletes a stage, first moving its candidates to moveTo, and
// returns what UndoDeleteStage needs to bring it back.
func (s *Service) DeleteStage(ctx context.Context, stageID, moveTo int64, actor model.Profile) (model.StageDeletion, error) {
	return s.store.DeleteStage(ctx, stageID, moveTo, actor)
}

// RejectionReasons is the editable list offered when rejecting.
func (s *Service) RejectionReasons(ctx context.Context) ([]string, error) {
	return s.store.RejectionReasons(ctx)
}

// SetRejectionReasons replaces the list of rejection reasons.
func (s *Service) SetRejectionReasons(ctx context.Context, labels []string) ([]string, error) {
	clean := []string{}
	v := &model.ValidationError{}
	for i, l := range labels {
		l = model.OneLine(l)
		switch {
		case l == "":
			continue
		case len([]rune(l)) > model.MaxReason:
			v.Add(fmt.Sprintf("reasons[%d]", i), "reason is longer than %d characters", model.MaxReason)
		}
		clean = append(clean, l)
	}
	if len(clean) == 0 {
		v.Add("reasons", "keep at least one rejection reason")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.store.SetRejectionReasons(ctx, clean); err != nil {
		return nil, err
	}
	return s.store.RejectionReasons(ctx)
}
