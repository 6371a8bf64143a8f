-- Neovim as the client of `statlint server`: opens a Chinese Markdown
-- report, waits for the diagnostic, checks its line and column, reads the
-- hover, applies the quick fix and waits for the diagnostic to go.
-- Run by tests/editor/run.sh; writes what it sees to $STATLINT_LOG.
local bin = os.getenv('STATLINT')
local file = os.getenv('STATLINT_REPORT')
local log = io.open(os.getenv('STATLINT_LOG'), 'w')

local function say(fmt, ...)
  log:write(string.format(fmt, ...) .. '\n')
  log:flush()
end

local function fail(fmt, ...)
  say('FAIL: ' .. fmt, ...)
  log:close()
  vim.cmd('cquit 1')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'markdown'
local client_id = vim.lsp.start_client({
  name = 'statlint',
  cmd = { bin, 'server' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not client_id then fail('the server did not start') end
vim.lsp.buf_attach_client(buf, client_id)
local client = vim.lsp.get_client_by_id(client_id)
say('server started; position encoding %s', client.offset_encoding)

if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  fail('no diagnostic within 20 s')
end
local d = vim.diagnostic.get(buf)[1]
local lsp = (d.user_data or {}).lsp or {}
local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
say('diagnostic: %s:%d:%d %s [%s]: %s', vim.fn.fnamemodify(file, ':t'), d.lnum + 1, d.col + 1,
  d.severity == vim.diagnostic.severity.ERROR and 'error' or tostring(d.severity),
  tostring(lsp.code or d.code), d.message)
local want_col = string.find(line, '93.04%', 1, true) - 1
if d.lnum ~= 4 or d.col ~= want_col then
  fail('expected line 5, byte column %d; got line %d, column %d', want_col + 1, d.lnum + 1, d.col + 1)
end
say('  at the stated figure: %s', string.sub(line, d.col + 1, d.end_col))
for _, r in ipairs(lsp.relatedInformation or {}) do
  say('  related: line %d, character %d: %s', r.location.range.start.line + 1,
    r.location.range.start.character + 1, r.message)
end

local uri = vim.uri_from_bufnr(buf)
local hover_at = vim.str_utfindex(line, string.find(line, '52380', 1, true) - 1)
local hovers = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
  { textDocument = { uri = uri }, position = { line = d.lnum, character = hover_at } }, 20000)
for _, h in pairs(hovers or {}) do
  if h.result then
    say('hover on 52380: %s', (h.result.contents.value:gsub('\n+', ' | ')))
  end
end

local params = {
  textDocument = { uri = uri },
  range = { start = { line = d.lnum, character = 0 },
            ['end'] = { line = d.lnum, character = vim.str_utfindex(line) } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum) },
}
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 20000)
local fix
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    say('code action: %s', action.title)
    if action.isPreferred then fix = action end
  end
end
if not fix then fail('no preferred code action') end
vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
local fixed = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
say('applied "%s": line %d now reads: %s', fix.title, d.lnum + 1, fixed)
if not string.find(fixed, '92.04%', 1, true) or string.find(fixed, '93.04%', 1, true) then
  fail('the fix did not write 92.04%%')
end
if not vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 50) then
  fail('the diagnostic stayed after the fix')
end
say('after the fix: no diagnostics')
vim.lsp.stop_client(client_id)
say('PASS')
log:close()
vim.cmd('qall!')
