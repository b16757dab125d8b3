import { useEffect } from 'react';

/**
 * /m/ reached by a link inside the desk app: the page is the phone entry's (m/index.html, phone.tsx), which the
 * server sends for /m/, so it is loaded in place of this one. Not when this document was itself loaded at this
 * path (a server sending the desk app there): that would load it again and again.
 */
export function OpenPhoneEntry() {
  useEffect(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const loadedAt = navigation ? new URL(navigation.name).pathname : null;
    if (loadedAt !== window.location.pathname) window.location.replace(window.location.href);
  }, []);
  return null;
}
