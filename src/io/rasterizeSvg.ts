/**
 * An SVG document drawn into a PNG at a given pixel density. The SVG is loaded as a `data:` URL
 * (the page's Content-Security-Policy allows `data:` images, not `blob:`), decoded off the
 * main thread where the browser can, drawn at the target resolution so text and lines stay
 * sharp, and encoded by the browser's own PNG encoder.
 */
export async function rasterizeSvg(
  svg: string,
  size: { width: number; height: number; scale: number },
  onProgress?: (phase: string) => void,
): Promise<Blob | null> {
  const image = new Image();
  image.decoding = 'async';
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();

  onProgress?.('Drawing');
  await yieldToPaint();
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(size.width * size.scale);
  canvas.height = Math.floor(size.height * size.scale);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.scale(size.scale, size.scale);
  context.drawImage(image, 0, 0, size.width, size.height);

  onProgress?.('Encoding the PNG');
  await yieldToPaint();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  // Give the (often hundreds of megabytes) bitmap back now rather than at the next GC.
  canvas.width = 0;
  canvas.height = 0;
  return blob;
}

/**
 * Lets the page paint (the export's progress) before the next long step. A frame when the tab
 * is visible; a timer otherwise, since hidden tabs get no frames and the export must not stall.
 */
export function yieldToPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}
