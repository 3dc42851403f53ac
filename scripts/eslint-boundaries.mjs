// @ts-check
// A local ESLint plugin with one rule, `boundaries/relative-imports`, that resolves every relative
// import against the importing file and checks where it lands. no-restricted-imports only sees the
// import string, so it cannot tell "../machine" inside src/engine/content (still in the engine) from
// "../store" inside src/engine (outside it); resolving the path can.
//
// Options (one object):
//   stayInside: 'src/engine'            every relative import must resolve inside this folder
//   forbid: [{ dir: 'src/engine', except: ['src/engine/index'], message }]
//                                       relative imports may not resolve inside dir, except to the
//                                       listed modules (paths without extension; a folder import
//                                       "../engine" means "../engine/index")
import path from 'node:path';

const EXTENSIONS = /\.(?:d\.)?(?:ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

/**
 * Repository-relative module id of a relative import, without extension, "/"-separated.
 * @param {string} cwd
 * @param {string} filename
 * @param {string} source
 */
export function resolveModuleId(cwd, filename, source) {
  const abs = path.resolve(path.dirname(path.resolve(cwd, filename)), source);
  let rel = path.relative(cwd, abs).split(path.sep).join('/');
  rel = rel.replace(EXTENSIONS, '');
  return rel;
}

/** @param {string} id @param {string} dir */
function isInside(id, dir) {
  return id === dir || id.startsWith(dir + '/');
}

/** @type {import('eslint').Rule.RuleModule} */
const relativeImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep relative imports inside the architectural boundaries (engine has one door).' },
    schema: [
      {
        type: 'object',
        properties: {
          stayInside: { type: 'string' },
          forbid: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                dir: { type: 'string' },
                except: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['dir'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      leaves: "'{{source}}' resolves to {{target}}, outside {{dir}}: the engine imports only its libraries and itself.",
      forbidden: "'{{source}}' resolves to {{target}}. {{message}}",
    },
  },
  create(context) {
    const options = /** @type {{ stayInside?: string, forbid?: { dir: string, except?: string[], message?: string }[] }} */ (
      context.options[0] ?? {}
    );
    const cwd = context.cwd;
    const filename = context.filename;

    /** @param {any} node @param {unknown} value */
    function check(node, value) {
      if (typeof value !== 'string' || !(value.startsWith('.') || value.startsWith('/'))) return;
      const target = resolveModuleId(cwd, filename, value);
      if (options.stayInside && !isInside(target, options.stayInside)) {
        context.report({ node, messageId: 'leaves', data: { source: value, target, dir: options.stayInside } });
        return;
      }
      for (const rule of options.forbid ?? []) {
        if (!isInside(target, rule.dir)) continue;
        const allowed = (rule.except ?? []).some((e) => target === e || (e.endsWith('/index') && target === e.slice(0, -'/index'.length)));
        if (allowed) continue;
        context.report({
          node,
          messageId: 'forbidden',
          data: { source: value, target, message: rule.message ?? `Imports from ${rule.dir} are not allowed here.` },
        });
      }
    }

    return {
      ImportDeclaration(node) { check(node.source, node.source.value); },
      ExportAllDeclaration(node) { check(node.source, node.source.value); },
      ExportNamedDeclaration(node) { if (node.source) check(node.source, node.source.value); },
      ImportExpression(node) { if (node.source.type === 'Literal') check(node.source, node.source.value); },
    };
  },
};

export default {
  meta: { name: 'mandate-boundaries' },
  rules: { 'relative-imports': relativeImports },
};
