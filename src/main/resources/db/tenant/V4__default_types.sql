-- The default types of work and their workflows, seeded into every tenant; admins change them in the app.
do $$
declare
    t uuid;
begin
    -- Business project
    t := gen_random_uuid();
    insert into work_types (id, name, category, description, requestable, position) values (t, 'Business project', 'business_project', 'A project the business asked for, tied to a business goal.', false, 1);
    insert into workflow_statuses (id, type_id, name, phase, flow, position, initial) values
        (gen_random_uuid(), t, 'Backlog', 'todo', 'waiting', 1, true),
        (gen_random_uuid(), t, 'In progress', 'in_progress', 'active', 2, false),
        (gen_random_uuid(), t, 'In review', 'in_progress', 'waiting', 3, false),
        (gen_random_uuid(), t, 'Done', 'done', 'waiting', 4, false);
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Start', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Backlog' and s.type_id = t and s.name = 'In progress';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Send to review', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'In review';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Rework', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In review' and s.type_id = t and s.name = 'In progress';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Finish', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In review' and s.type_id = t and s.name = 'Done';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Finish', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'Done';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Stop', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'Backlog';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Reopen', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Done' and s.type_id = t and s.name = 'In progress';
    -- Internal project
    t := gen_random_uuid();
    insert into work_types (id, name, category, description, requestable, position) values (t, 'Internal project', 'internal_project', 'IT''s own improvement or infrastructure project.', false, 2);
    insert into workflow_statuses (id, type_id, name, phase, flow, position, initial) values
        (gen_random_uuid(), t, 'Backlog', 'todo', 'waiting', 1, true),
        (gen_random_uuid(), t, 'In progress', 'in_progress', 'active', 2, false),
        (gen_random_uuid(), t, 'In review', 'in_progress', 'waiting', 3, false),
        (gen_random_uuid(), t, 'Done', 'done', 'waiting', 4, false);
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Start', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Backlog' and s.type_id = t and s.name = 'In progress';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Send to review', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'In review';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Rework', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In review' and s.type_id = t and s.name = 'In progress';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Finish', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In review' and s.type_id = t and s.name = 'Done';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Finish', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'Done';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Stop', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'Backlog';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Reopen', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Done' and s.type_id = t and s.name = 'In progress';
    -- Change
    t := gen_random_uuid();
    insert into work_types (id, name, category, description, requestable, position) values (t, 'Change', 'change', 'A change to production, approved before it is made.', false, 3);
    insert into workflow_statuses (id, type_id, name, phase, flow, position, initial) values
        (gen_random_uuid(), t, 'Draft', 'todo', 'waiting', 1, true),
        (gen_random_uuid(), t, 'Awaiting approval', 'todo', 'waiting', 2, false),
        (gen_random_uuid(), t, 'Scheduled', 'todo', 'waiting', 3, false),
        (gen_random_uuid(), t, 'Implementing', 'in_progress', 'active', 4, false),
        (gen_random_uuid(), t, 'Review', 'in_progress', 'waiting', 5, false),
        (gen_random_uuid(), t, 'Closed', 'done', 'waiting', 6, false),
        (gen_random_uuid(), t, 'Rejected', 'done', 'waiting', 7, false);
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Submit for approval', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Draft' and s.type_id = t and s.name = 'Awaiting approval';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Withdraw', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Awaiting approval' and s.type_id = t and s.name = 'Draft';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Approve', array['admin'] from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Awaiting approval' and s.type_id = t and s.name = 'Scheduled';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Reject', array['admin'] from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Awaiting approval' and s.type_id = t and s.name = 'Rejected';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Implement', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Scheduled' and s.type_id = t and s.name = 'Implementing';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Finish implementing', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Implementing' and s.type_id = t and s.name = 'Review';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Rework', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Review' and s.type_id = t and s.name = 'Implementing';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Close', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Review' and s.type_id = t and s.name = 'Closed';
    -- Incident
    t := gen_random_uuid();
    insert into work_types (id, name, category, description, requestable, position) values (t, 'Incident', 'unplanned', 'Something is broken or degraded: unplanned work that displaces all other work.', true, 4);
    insert into workflow_statuses (id, type_id, name, phase, flow, position, initial) values
        (gen_random_uuid(), t, 'Open', 'todo', 'waiting', 1, true),
        (gen_random_uuid(), t, 'Investigating', 'in_progress', 'active', 2, false),
        (gen_random_uuid(), t, 'Waiting for customer', 'in_progress', 'waiting', 3, false),
        (gen_random_uuid(), t, 'Resolved', 'done', 'waiting', 4, false),
        (gen_random_uuid(), t, 'Closed', 'done', 'waiting', 5, false);
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Investigate', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Open' and s.type_id = t and s.name = 'Investigating';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Resolve', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Open' and s.type_id = t and s.name = 'Resolved';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Ask customer', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Investigating' and s.type_id = t and s.name = 'Waiting for customer';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Customer replied', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Waiting for customer' and s.type_id = t and s.name = 'Investigating';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Resolve', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Investigating' and s.type_id = t and s.name = 'Resolved';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Resolve', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Waiting for customer' and s.type_id = t and s.name = 'Resolved';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Reopen', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Resolved' and s.type_id = t and s.name = 'Investigating';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Close', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Resolved' and s.type_id = t and s.name = 'Closed';
    -- Service request
    t := gen_random_uuid();
    insert into work_types (id, name, category, description, requestable, position) values (t, 'Service request', 'change', 'A routine, pre-approved request for something IT provides.', true, 5);
    insert into workflow_statuses (id, type_id, name, phase, flow, position, initial) values
        (gen_random_uuid(), t, 'Open', 'todo', 'waiting', 1, true),
        (gen_random_uuid(), t, 'In progress', 'in_progress', 'active', 2, false),
        (gen_random_uuid(), t, 'Waiting for customer', 'in_progress', 'waiting', 3, false),
        (gen_random_uuid(), t, 'Done', 'done', 'waiting', 4, false),
        (gen_random_uuid(), t, 'Cancelled', 'done', 'waiting', 5, false);
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Start', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Open' and s.type_id = t and s.name = 'In progress';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Ask customer', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'Waiting for customer';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Customer replied', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Waiting for customer' and s.type_id = t and s.name = 'In progress';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Complete', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'Done';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Cancel', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Open' and s.type_id = t and s.name = 'Cancelled';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Cancel', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'Cancelled';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Cancel', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Waiting for customer' and s.type_id = t and s.name = 'Cancelled';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Reopen', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Done' and s.type_id = t and s.name = 'In progress';
    -- Task
    t := gen_random_uuid();
    insert into work_types (id, name, category, description, requestable, position) values (t, 'Task', 'internal_project', 'A piece of work for one person, on its own or inside a project.', false, 6);
    insert into workflow_statuses (id, type_id, name, phase, flow, position, initial) values
        (gen_random_uuid(), t, 'To do', 'todo', 'waiting', 1, true),
        (gen_random_uuid(), t, 'In progress', 'in_progress', 'active', 2, false),
        (gen_random_uuid(), t, 'Done', 'done', 'waiting', 3, false);
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Start', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'To do' and s.type_id = t and s.name = 'In progress';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Stop', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'To do';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Done', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'In progress' and s.type_id = t and s.name = 'Done';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Done', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'To do' and s.type_id = t and s.name = 'Done';
    insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
        select gen_random_uuid(), t, f.id, s.id, 'Reopen', null from workflow_statuses f, workflow_statuses s
        where f.type_id = t and f.name = 'Done' and s.type_id = t and s.name = 'To do';
end
$$;
