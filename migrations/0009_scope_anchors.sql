-- The places a role's scope can be anchored on (territory nodes, buildings), as one view the kernel reads when it
-- resolves a session's roles: the kernel names the view, not the territory and registry modules' tables.
create view scope_anchors as
  select id, level::text as level, code, name from territories
  union all
  select id, 'building' as level, code, name from buildings;
