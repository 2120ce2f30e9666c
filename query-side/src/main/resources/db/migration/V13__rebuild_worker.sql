-- The node that last moved a rebuild (started it, committed a batch of it, took it over or completed it), named as
-- tokenentry.owner names the node holding a segment; NULL for runs recorded before this column.
ALTER TABLE projection_rebuild ADD COLUMN worker TEXT;
