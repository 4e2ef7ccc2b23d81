import GRDB

/// The archive's tables, created and upgraded by GRDB's migrator: one migration per schema version, each
/// applied once, in its own transaction.
///
/// - `documents`: one row per archived article (its path as given, content hash, the fingerprint of the
///   rules that extracted it, front-matter facts, when it was added);
/// - `claims`: every field of each ``FactCheck/Claim``, with its spans; indexed by entity · attribute ·
///   period for the reconciler's look-ups and by document for removal;
/// - `names`: each article's proper-name tally (the spelling check's input);
/// - `claims_fts`: an FTS5 index over quotes, entities and attributes (`archive search`);
/// - `archive_info`: key–value facts (the format name).
enum ArchiveSchema {
  /// `PRAGMA application_id` of a claim archive ("FCkA"): a database without it is another program's.
  static let applicationID: Int32 = 0x4643_6B41

  /// The current schema's migrations.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(sql: """
        CREATE TABLE archive_info (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        INSERT INTO archive_info (key, value) VALUES ('format', 'factcheck claim archive');
        CREATE TABLE documents (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          content_hash TEXT NOT NULL,
          rules_fingerprint TEXT NOT NULL,
          title TEXT, published TEXT, published_source TEXT, source TEXT, language TEXT, subject TEXT, warning TEXT,
          claim_count INTEGER NOT NULL,
          added TEXT NOT NULL
        );
        CREATE TABLE claims (
          id INTEGER PRIMARY KEY,
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          line INTEGER NOT NULL, "column" INTEGER NOT NULL,
          value_start INTEGER NOT NULL, value_end INTEGER NOT NULL, match_start INTEGER NOT NULL, match_end INTEGER NOT NULL,
          rule TEXT NOT NULL, entity TEXT, entity_source TEXT NOT NULL, attribute TEXT NOT NULL,
          value REAL, value_text TEXT NOT NULL, interval_low REAL, interval_high REAL, unit TEXT,
          hedge TEXT NOT NULL, hedge_parameter REAL, period TEXT NOT NULL, period_code TEXT NOT NULL,
          modality TEXT NOT NULL, language TEXT NOT NULL, quote TEXT NOT NULL, sentence TEXT NOT NULL, scope TEXT,
          notes TEXT NOT NULL, line_excerpt TEXT NOT NULL, line_excerpt_column INTEGER NOT NULL
        );
        CREATE INDEX claims_by_key ON claims(entity, attribute, period);
        CREATE INDEX claims_by_document ON claims(document_id);
        CREATE TABLE names (
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          word TEXT NOT NULL, count INTEGER NOT NULL, samples TEXT NOT NULL,
          PRIMARY KEY (document_id, word)
        ) WITHOUT ROWID;
        CREATE INDEX names_by_word ON names(word);
        CREATE VIRTUAL TABLE claims_fts USING fts5(
          quote, entity, attribute, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
          INSERT INTO claims_fts (rowid, quote, entity, attribute) VALUES (new.id, new.quote, new.entity, new.attribute);
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
          INSERT INTO claims_fts (claims_fts, rowid, quote, entity, attribute) VALUES ('delete', old.id, old.quote, old.entity, old.attribute);
        END;
        """)
    }
    return migrator
  }
}
