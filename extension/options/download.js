// Saves text as a file through the browser's download (no permission needed from a page).

/**
 * @param {string} fileName
 * @param {string} text
 * @param {string} type MIME type
 */
export function downloadText(fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob; free ours once it started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
