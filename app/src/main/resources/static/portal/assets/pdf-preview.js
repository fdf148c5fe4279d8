// Shows the first pages of a PDF inside the candidate page with pdf.js (bundled as a webjar, served
// from this origin): the same preview on phones, whose browsers will not show a PDF inline, and
// under a Content-Security-Policy that allows no plugins.
// The webjar's version, as in app/pom.xml (here twice).
import * as pdfjs from "/webjars/pdfjs-dist/4.10.38/build/pdf.min.mjs";

const PDFJS = "/webjars/pdfjs-dist/4.10.38";

pdfjs.GlobalWorkerOptions.workerSrc = PDFJS + "/build/pdf.worker.min.mjs";

const MAX_PAGES = 10;

async function show(box) {
  const status = box.querySelector("[data-pdf-status]");
  const name = box.getAttribute("data-pdf-name");
  try {
    const pdf = await pdfjs.getDocument({
      url: box.getAttribute("data-pdf"),
      isEvalSupported: false,
      disableRange: true,
      disableStream: true,
      standardFontDataUrl: PDFJS + "/standard_fonts/",
    }).promise;
    const pages = Math.min(pdf.numPages, MAX_PAGES);
    for (let n = 1; n <= pages; n++) {
      const page = await pdf.getPage(n);
      const width = Math.max(box.clientWidth, 280);
      const base = page.getViewport({ scale: 1 });
      const scale = width / base.width;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio });
      const canvas = document.createElement("canvas");
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.className = "pdf-page";
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", "Page " + n + " of " + pdf.numPages + " of " + name);
      box.appendChild(canvas);
      await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
    }
    status.textContent = pdf.numPages > pages
      ? "Showing the first " + pages + " of " + pdf.numPages + " pages. Download the file to read it all."
      : name + ", " + pdf.numPages + (pdf.numPages === 1 ? " page" : " pages");
    box.setAttribute("data-pdf-ready", String(pdf.numPages));
  } catch (e) {
    status.textContent = "The preview could not be shown. Download the file to read it.";
    box.setAttribute("data-pdf-failed", "true");
  }
}

document.querySelectorAll("[data-pdf]").forEach(show);
