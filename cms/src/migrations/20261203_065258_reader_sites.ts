import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The key of every site that may read a news item (src/fields/readerSites.ts), filled in for the
// items and versions already stored: « ,origin,proposed…, », or NULL when no site may read.

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`news\` ADD \`reader_sites\` text;`)
  await db.run(sql`CREATE INDEX \`news_reader_sites_idx\` ON \`news\` (\`reader_sites\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_reader_sites\` text;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_reader_sites_idx\` ON \`_news_v\` (\`version_reader_sites\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_version_readerSites_idx\` ON \`_news_v\` (\`latest\`,\`version_reader_sites\`);`)
  await db.run(sql`UPDATE \`news\` SET \`reader_sites\` = (
    SELECT ',' || group_concat(site, ',') || ',' FROM (
      SELECT \`news\`.\`origin_site_id\` AS site WHERE \`news\`.\`origin_site_id\` IS NOT NULL
      UNION ALL
      SELECT r.\`sites_id\` FROM \`news_rels\` r
      WHERE r.\`parent_id\` = \`news\`.\`id\` AND r.\`path\` = 'targetSites' AND r.\`sites_id\` IS NOT NULL
    ));`)
  await db.run(sql`UPDATE \`_news_v\` SET \`version_reader_sites\` = (
    SELECT ',' || group_concat(site, ',') || ',' FROM (
      SELECT \`_news_v\`.\`version_origin_site_id\` AS site WHERE \`_news_v\`.\`version_origin_site_id\` IS NOT NULL
      UNION ALL
      SELECT r.\`sites_id\` FROM \`_news_v_rels\` r
      WHERE r.\`parent_id\` = \`_news_v\`.\`id\` AND r.\`path\` = 'version.targetSites' AND r.\`sites_id\` IS NOT NULL
    ));`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`news_reader_sites_idx\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`reader_sites\`;`)
  await db.run(sql`DROP INDEX \`_news_v_version_version_reader_sites_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_latest_version_readerSites_idx\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_reader_sites\`;`)
}
