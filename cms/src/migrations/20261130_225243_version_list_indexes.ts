import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_news_v_latest_created_idx\` ON \`_news_v\` (\`latest\`,\`created_at\`);`)
  await db.run(
    sql`CREATE INDEX \`_news_v_latest_version_publishedAt_idx\` ON \`_news_v\` (\`latest\`,\`version_published_at\`,\`created_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`_news_v_latest_updatedAt_idx\` ON \`_news_v\` (\`latest\`,\`updated_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_latest_created_idx\` ON \`_pages_v\` (\`latest\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_latest_updatedAt_idx\` ON \`_pages_v\` (\`latest\`,\`updated_at\`,\`created_at\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_news_v_latest_created_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_latest_version_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_latest_updatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_latest_created_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_latest_updatedAt_idx\`;`)
}
