// Browser plumbing the Rust side calls through `globalThis.clHelpers`: IndexedDB storage,
// collecting dropped files and folders, downloads. Nothing here talks to the network, and no
// document text ever passes through here except into IndexedDB.

const DB_NAME = 'casualty-lens';
const DB_VERSION = 1;
let dbPromise = null;

function openDb() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('docs')) db.createObjectStore('docs', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return dbPromise;
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

async function putDocs(docs) {
  const db = await openDb();
  const tx = db.transaction('docs', 'readwrite');
  const store = tx.objectStore('docs');
  for (const d of docs) store.put(d);
  return done(tx);
}

async function deleteDoc(id) {
  const db = await openDb();
  const tx = db.transaction('docs', 'readwrite');
  tx.objectStore('docs').delete(id);
  return done(tx);
}

async function clearDocs() {
  const db = await openDb();
  const tx = db.transaction('docs', 'readwrite');
  tx.objectStore('docs').clear();
  return done(tx);
}

async function getAllDocs() {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const req = db.transaction('docs').objectStore('docs').getAll();
    req.onsuccess = () => resolve(req.result.sort((a, b) => a.id - b.id));
    req.onerror = () => reject(req.error);
  });
}

async function putMeta(key, value) {
  const db = await openDb();
  const tx = db.transaction('meta', 'readwrite');
  tx.objectStore('meta').put(value, key);
  return done(tx);
}

async function getMeta(key) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const req = db.transaction('meta').objectStore('meta').get(key);
    req.onsuccess = () => resolve(req.result ?? null);
    req.onerror = () => reject(req.error);
  });
}

// Reads every file of a directory entry, depth-limited so a cyclic or huge tree cannot hang.
async function readEntry(entry, out, depth) {
  if (entry.isFile) {
    const file = await new Promise((res, rej) => entry.file(res, rej));
    out.push(file);
  } else if (entry.isDirectory && depth < 16) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
      if (batch.length === 0) break;
      for (const e of batch) await readEntry(e, out, depth + 1);
    }
  }
}

// The files of a drop, folders expanded. Must be called during the drop event: the browser
// empties the DataTransfer afterwards, so entries are taken synchronously here.
function collectDrop(dt) {
  const entries = [];
  const plain = [];
  if (dt.items && dt.items.length) {
    for (const item of dt.items) {
      if (item.kind !== 'file') continue;
      const entry = item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
      if (entry && entry.isDirectory) entries.push(entry);
      else {
        const f = item.getAsFile();
        if (f) plain.push(f);
      }
    }
  } else if (dt.files) {
    plain.push(...dt.files);
  }
  return (async () => {
    const out = [...plain];
    for (const e of entries) await readEntry(e, out, 0);
    return out;
  })();
}

function inputFiles(input) {
  return Array.from(input.files || []);
}

function download(name, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function copyText(text) {
  await navigator.clipboard.writeText(text);
}

globalThis.clHelpers = {
  putDocs, deleteDoc, clearDocs, getAllDocs, putMeta, getMeta,
  collectDrop, inputFiles, download, copyText,
};
