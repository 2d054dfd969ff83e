// The S3 settings read from the environment (no SDK import: the backup script
// reads them without loading the CMS). See lib/storage.ts.
type Env = Record<string, string | undefined>

export interface S3Settings {
  bucket: string
  prefix: string
  config: {
    region: string
    endpoint?: string
    forcePathStyle: boolean
    credentials?: { accessKeyId: string; secretAccessKey: string }
  }
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX'] as const

export class StorageConfigError extends Error {
  override name = 'StorageConfigError'
}

/**
 * The S3 settings from the environment, or null for local disk. A half-done
 * configuration stops the CMS with a French message rather than silently
 * storing files on one machine's disk.
 */
export function s3Settings(env: Env = process.env): S3Settings | null {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) {
    const stray = S3_VARIABLES.filter((name) => env[name]?.trim())
    if (stray.length) {
      throw new StorageConfigError(
        `${stray.join(', ')} ${stray.length > 1 ? 'sont définies' : 'est définie'} mais pas S3_BUCKET : les médias resteraient sur le disque local. ` +
          'Définissez S3_BUCKET (stockage S3) ou retirez ces variables (disque local).',
      )
    }
    return null
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim()
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new StorageConfigError(
      'S3_ACCESS_KEY_ID et S3_SECRET_ACCESS_KEY vont ensemble : définissez les deux, ou aucune (identifiants fournis par la machine, par exemple un rôle IAM).',
    )
  }
  const endpoint = env.S3_ENDPOINT?.trim()
  return {
    bucket,
    prefix: (env.S3_PREFIX ?? '').trim().replace(/^\/+|\/+$/g, ''),
    config: {
      region: env.S3_REGION?.trim() || 'us-east-1',
      ...(endpoint ? { endpoint } : {}),
      // MinIO, s3rver, Ceph… usually need path-style addresses (http://host/bucket/key).
      forcePathStyle: /^(1|true|oui|yes)$/i.test(env.S3_FORCE_PATH_STYLE?.trim() ?? ''),
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    },
  }
}
