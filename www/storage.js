// Keeping the user's text in the browser, so a reload or a crashed tab loses nothing. Storage
// may be missing (privacy modes, blocked cookies: touching localStorage then throws) or full;
// the page works without it and says so.

/** The outcome of a save: `ok`, `full` (quota exceeded) or `off` (no storage). */
export function openStore(prefix) {
  let store = null;
  try {
    store = window.localStorage;
    const probe = `${prefix}probe`;
    store.setItem(probe, '1');
    store.removeItem(probe);
  } catch {
    store = null;
  }
  return {
    available: store !== null,
    load(key) {
      if (!store) return null;
      try {
        return store.getItem(prefix + key);
      } catch {
        return null;
      }
    },
    save(key, value) {
      if (!store) return 'off';
      try {
        store.setItem(prefix + key, value);
        return 'ok';
      } catch (err) {
        // A quota error leaves the old value behind; remove it so a reload does not bring back
        // text older than what the user sees.
        try {
          store.removeItem(prefix + key);
        } catch {
          // nothing more to do
        }
        return err && err.name === 'QuotaExceededError' ? 'full' : 'off';
      }
    },
    remove(key) {
      if (!store) return;
      try {
        store.removeItem(prefix + key);
      } catch {
        // nothing stored, nothing lost
      }
    },
  };
}
