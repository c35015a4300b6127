-- The four types of work (The Phoenix Project). Every work item type belongs to exactly one.
create table work_categories (
    code        text primary key,
    name        text not null,
    colour      text not null,
    position    integer not null unique,
    description text not null
);

insert into work_categories (code, name, colour, position, description) values
    ('business_project', 'Business project', '#2563eb', 1, 'Work the business asked for, tied to a business goal.'),
    ('internal_project', 'Internal project', '#7c3aed', 2, 'IT''s own improvement and infrastructure work.'),
    ('change',           'Change',           '#d97706', 3, 'Changes to production, approved before they are made.'),
    ('unplanned',        'Unplanned work',   '#dc2626', 4, 'Incidents and firefighting: the work that displaces all other work.');
