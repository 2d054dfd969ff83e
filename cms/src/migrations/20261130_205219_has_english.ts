import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`news\` ADD \`has_english\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`news_has_english_idx\` ON \`news\` (\`has_english\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_has_english\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_has_english_idx\` ON \`_news_v\` (\`version_has_english\`);`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`has_english\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`pages_has_english_idx\` ON \`pages\` (\`has_english\`);`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_has_english\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_has_english_idx\` ON \`_pages_v\` (\`version_has_english\`);`)
  // Existing documents and versions: an English version is an English title (hooks/trackEnglish.ts).
  for (const [table, locales, title, flag] of [
    ['news', 'news_locales', 'title', 'has_english'],
    ['_news_v', '_news_v_locales', 'version_title', 'version_has_english'],
    ['pages', 'pages_locales', 'title', 'has_english'],
    ['_pages_v', '_pages_v_locales', 'version_title', 'version_has_english'],
  ]) {
    await db.run(
      sql.raw(
        `UPDATE \`${table}\` SET \`${flag}\` = EXISTS (SELECT 1 FROM \`${locales}\` l WHERE l._parent_id = \`${table}\`.id ` +
          `AND l._locale = 'en' AND trim(coalesce(l.\`${title}\`, '')) <> '');`,
      ),
    )
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`news_has_english_idx\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`has_english\`;`)
  await db.run(sql`DROP INDEX \`_news_v_version_version_has_english_idx\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_has_english\`;`)
  await db.run(sql`DROP INDEX \`pages_has_english_idx\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`has_english\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_version_version_has_english_idx\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_has_english\`;`)
}
