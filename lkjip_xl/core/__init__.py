"""Pure core: SAKIP rules, Indonesian numbers, the report data model. No Excel or Word imports."""
