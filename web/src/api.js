// The JSON API client: one function that fetches and checks.

// apiError is thrown when the API answers with an error status.
export class APIError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// query turns an object into a query string, dropping empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === "") continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

// get fetches /api/v1/<path> with params and returns the decoded JSON.
export async function get(path, params) {
  const url = "/api/v1/" + path + query(params);
  let res;
  try {
    res = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (e) {
    throw new APIError(0, "the server cannot be reached");
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = null;
  }
  if (!res.ok) {
    const msg = body && typeof body.error === "string" ? body.error : res.statusText || "request failed";
    throw new APIError(res.status, msg);
  }
  return body;
}

// list finds the array in a list answer, whatever its key.
export function list(body, ...keys) {
  if (Array.isArray(body)) return body;
  if (!body || typeof body !== "object") return [];
  for (const k of keys) if (Array.isArray(body[k])) return body[k];
  return [];
}

// seg encodes one path segment.
export function seg(v) {
  return encodeURIComponent(String(v));
}
