// Refuses disguised, unknown, SVG and oversized files before anything is stored,
// and stores accepted ones under the extension of their real type.
import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { judgeUpload, storedFileName } from '../lib/sniffUpload'
import { message } from '../lib/message'
import { TOO_LARGE } from '../lib/uploadLimit'

export const checkUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const verdict = await judgeUpload(file.data, file.size)
  if (verdict.ok) {
    file.mimetype = verdict.mimeType
    file.name = storedFileName(file.name, verdict.ext)
    return args
  }
  const reasons = {
    'too-large': TOO_LARGE,
    svg: {
      fr: 'Les fichiers SVG sont refusés (ils peuvent contenir du code). Exportez l’image en PNG ou WebP.',
      en: 'SVG files are refused (they can contain code). Export the image as PNG or WebP.',
    },
    unknown: {
      fr: 'Type de fichier non reconnu. Formats acceptés : JPEG, PNG, WebP, AVIF et PDF.',
      en: 'Unrecognised file type. Accepted formats: JPEG, PNG, WebP, AVIF and PDF.',
    },
    'not-allowed': {
      fr: `Ce fichier est en réalité de type ${verdict.detected ?? 'inconnu'}, quel que soit son nom. Formats acceptés : JPEG, PNG, WebP, AVIF et PDF.`,
      en: `This file is really ${verdict.detected ?? 'unknown'}, whatever its name. Accepted formats: JPEG, PNG, WebP, AVIF and PDF.`,
    },
  }
  throw new APIError(message(req, reasons[verdict.reason]), 400, null, true)
}
