// Which gated features this brand offers now (GET /api/v1/features, from the platform's feature flags): the skin
// hides what is off (the API refuses it anyway, with 403 feature_disabled). Unknown until read: shown.
let current = {};

export async function loadFeatures() {
  try {
    const response = await fetch('/api/v1/features', { headers: { Accept: 'application/json' } });
    if (response.ok) current = await response.json();
  } catch (e) {
    console.warn('features not loaded', e);
  }
  return current;
}

export function featureOn(key) {
  return current[key] !== false;
}
