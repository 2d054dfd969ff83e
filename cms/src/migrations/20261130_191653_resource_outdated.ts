import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`resources\` ADD \`outdated\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`resources_outdated_idx\` ON \`resources\` (\`outdated\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`resources_outdated_idx\`;`)
  await db.run(sql`ALTER TABLE \`resources\` DROP COLUMN \`outdated\`;`)
}
