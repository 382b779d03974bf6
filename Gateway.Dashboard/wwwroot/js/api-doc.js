// API reference: renders /openapi/v1.json as readable operations and schemas.
import { el } from './dom.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const MAX_DEPTH = 6;
const $ = id => document.getElementById(id);

let spec = null;

function resolveRef(ref) {
  const parts = ref.replace(/^#\//, '').split('/').map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((node, part) => node?.[part], spec);
}
const refName = ref => ref.split('/').pop();

/** A one-line type of a schema: "string (date-time)", "integer | null", "Member[]", "\"A\" | \"B\"". */
function typeName(schema) {
  if (!schema) return 'any';
  if (schema.$ref) return refName(schema.$ref);
  for (const key of ['oneOf', 'anyOf']) {
    if (schema[key]) return schema[key].map(typeName).join(' | ');
  }
  if (schema.allOf) return schema.allOf.map(typeName).join(' & ');
  if (schema.enum) return schema.enum.map(v => JSON.stringify(v)).join(' | ');
  let types = [schema.type ?? (schema.properties ? 'object' : 'any')].flat();
  // Numbers that may also be sent as numeric strings are shown as numbers.
  if (schema.pattern && types.includes('string') && types.some(t => t === 'integer' || t === 'number')) {
    types = types.filter(t => t !== 'string');
  }
  return types.map(type => {
    if (type === 'array') return `${typeName(schema.items)}[]`;
    if (type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      return `{ [key]: ${typeName(schema.additionalProperties)} }`;
    }
    return schema.format && type !== 'null' ? `${type} (${schema.format})` : type;
  }).join(' | ');
}

/** The object a schema describes (following $ref, arrays and nullable wrappers), or null. */
function objectOf(schema, seen) {
  if (!schema) return null;
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return null;
    return { ...objectOf(resolveRef(schema.$ref), seen), ref: schema.$ref };
  }
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    const real = variants.filter(v => v.type !== 'null');
    return real.length === 1 ? objectOf(real[0], seen) : null;
  }
  if ([schema.type].flat().includes('array')) return objectOf(schema.items, seen);
  return schema.properties ? { properties: schema.properties, required: schema.required ?? [] } : null;
}

/** Pseudo-code lines of a schema: the type, then its fields indented, nested objects expanded. */
function schemaLines(schema, indent = '', seen = new Set(), depth = 0) {
  const lines = [];
  const object = objectOf(schema, seen);
  if (!object || !object.properties || depth >= MAX_DEPTH) {
    if (depth === 0) lines.push(typeName(schema));
    return lines;
  }
  const inner = new Set(seen);
  if (object.ref) inner.add(object.ref);
  if (depth === 0) lines.push(`${typeName(schema)} {`);
  for (const [name, prop] of Object.entries(object.properties)) {
    const optional = object.required?.includes(name) ? '' : '?';
    const note = [prop.description, rangeNote(prop)].filter(Boolean).join('; ');
    const child = objectOf(prop, inner);
    lines.push(`${indent}  ${name}${optional}: ${typeName(prop)}${child?.properties ? ' {' : ''}${note ? `   // ${note}` : ''}`);
    if (child?.properties) {
      lines.push(...schemaLines(prop, `${indent}  `, inner, depth + 1));
      lines.push(`${indent}  }`);
    }
  }
  if (depth === 0) lines.push('}');
  return lines;
}

function rangeNote(schema) {
  const notes = [];
  if (schema.minimum !== undefined || schema.maximum !== undefined) notes.push(`${schema.minimum ?? '…'}–${schema.maximum ?? '…'}`);
  if (schema.maxLength !== undefined) notes.push(`max ${schema.maxLength} characters`);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes.join(', ');
}

const schemaBlock = schema => el('pre', { className: 'schema', text: schemaLines(schema).join('\n') });

/** Media types and their schemas; `brief` shows named schemas as a link to the Schemas section. */
function contentBlocks(content, brief = false) {
  return Object.entries(content ?? {}).map(([type, media]) => {
    const ref = media.schema?.$ref;
    const body = !media.schema ? null
      : brief && ref ? el('p', {}, el('a', { href: `#schema-${refName(ref)}`, className: 'mono', text: refName(ref) }))
        : schemaBlock(media.schema);
    return el('div', {}, el('p', { className: 'small muted', text: type }), body);
  });
}

function parametersTable(parameters) {
  return el('div', { className: 'table-wrap' }, el('table', {},
    el('thead', {}, el('tr', {}, ['Name', 'In', 'Type', 'Required', 'Description'].map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, parameters.map(p => el('tr', {},
      el('td', {}, el('code', { text: p.name })),
      el('td', { text: p.in }),
      el('td', { className: 'mono', text: typeName(p.schema) }),
      el('td', { text: p.required ? 'yes' : 'no' }),
      el('td', { text: [p.description, p.schema ? rangeNote(p.schema) : ''].filter(Boolean).join('; ') || '–' }))))));
}

function operationCard(path, method, op, pathParameters) {
  const id = `op-${method}-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
  const parameters = [...pathParameters, ...(op.parameters ?? [])].map(p => (p.$ref ? resolveRef(p.$ref) : p));
  const body = op.requestBody?.$ref ? resolveRef(op.requestBody.$ref) : op.requestBody;
  const secured = (op.security ?? spec.security ?? []).length > 0;
  return el('section', { className: 'card op', id },
    el('div', { className: 'op-head' },
      el('span', { className: `method ${method}`, text: method.toUpperCase() }),
      el('h3', { className: 'op-path', text: path })),
    op.summary ? el('p', { text: op.summary }) : null,
    op.description && op.description !== op.summary ? el('p', { className: 'muted', text: op.description }) : null,
    secured ? el('p', { className: 'small muted', text: 'Needs a Bearer token.' }) : null,
    parameters.length ? [el('h4', { text: 'Parameters' }), parametersTable(parameters)] : null,
    body ? [el('h4', { text: `Request body${body.required ? '' : ' (optional)'}` }), ...contentBlocks(body.content)] : null,
    el('h4', { text: 'Responses' }),
    Object.entries(op.responses ?? {}).map(([status, response]) => {
      const r = response.$ref ? resolveRef(response.$ref) : response;
      return el('div', { className: 'response' },
        el('p', {}, el('strong', { text: status }), ` ${r.description ?? ''}`),
        ...contentBlocks(r.content, Number(status) >= 400));
    }));
}

function render() {
  const info = spec.info ?? {};
  $('api-title').textContent = `${info.title ?? 'Dashboard API'}${info.version ? ` (${info.version})` : ''}`;
  if (info.description) $('api-summary').textContent = info.description;

  const toc = $('api-toc');
  const operations = $('api-operations');
  let count = 0;
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS.filter(m => item[m])) {
      const card = operationCard(path, method, item[method], item.parameters ?? []);
      operations.append(card);
      toc.append(el('li', {}, el('a', { href: `#${card.id}`, text: `${method.toUpperCase()} ${path}` })));
      count += 1;
    }
  }

  const schemas = Object.entries(spec.components?.schemas ?? {});
  $('api-schemas-section').hidden = schemas.length === 0;
  $('api-schemas').append(...schemas.map(([name, schema]) => el('section', { className: 'card op', id: `schema-${name}` },
    el('h3', { className: 'op-path', text: name }),
    schema.description ? el('p', { className: 'muted', text: schema.description }) : null,
    schemaBlock(schema))));
  $('api-status').textContent = `${count} operations.`;
  $('api-status').classList.remove('loading');
  $('api-status').classList.add('muted');
}

async function start() {
  try {
    const response = await fetch('/openapi/v1.json', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    spec = await response.json();
    render();
  } catch (error) {
    $('api-status').textContent = `The API description could not be loaded (${error.message}).`;
    $('api-status').classList.add('error');
  }
}

start();
