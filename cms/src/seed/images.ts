import sharp from 'sharp'

/**
 * Demo pictures drawn from SVG with sharp: abstract shapes in brand colours,
 * so the seed needs no downloaded or copyrighted photos.
 */
export async function demoImage(colours: [string, string], variant: number): Promise<Buffer> {
  const [a, b] = colours
  const shapes = [
    `<circle cx="900" cy="250" r="220" fill="${b}" opacity="0.55"/><circle cx="300" cy="520" r="160" fill="#ffffff" opacity="0.25"/>`,
    `<rect x="120" y="120" width="520" height="420" rx="40" fill="${b}" opacity="0.5"/><circle cx="880" cy="420" r="180" fill="#ffffff" opacity="0.3"/>`,
    `<path d="M0 560 C 300 380, 700 700, 1200 420 L1200 675 L0 675 Z" fill="${b}" opacity="0.6"/><circle cx="260" cy="200" ` +
      `r="110" fill="#ffffff" opacity="0.3"/>`,
  ]
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
  <rect width="1200" height="675" fill="${a}"/>${shapes[variant % shapes.length]}</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer()
}

/** A square demo logo (shapes only, no text: the site name is written next to it). */
export async function demoLogo(colour: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
  <circle cx="96" cy="96" r="92" fill="#ffffff"/><circle cx="96" cy="96" r="78" fill="${colour}"/>
  <path d="M58 112 C 78 64, 114 64, 134 112" stroke="#ffffff" stroke-width="14" fill="none" stroke-linecap="round"/>
  <circle cx="96" cy="128" r="10" fill="#ffffff"/></svg>`
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer()
}
