-- Drives the language server from Neovim's built-in LSP client (0.7+, no plugins), the way a
-- Neovim user would run it, and writes what the editor received to a JSON file for the test
-- runner to assert on. Run by test/nvim/neovim.test.ts:
--
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/lsp-session.lua'
--
-- Environment: POSTMORTEM_SERVER (dist/server.js), POSTMORTEM_NVIM_ROOT (workspace folder),
-- POSTMORTEM_NVIM_FILES (file names in it, one a line), POSTMORTEM_NVIM_RESULT (JSON output),
-- POSTMORTEM_NVIM_DEADLINE_MS (how long to wait for each answer), and optionally
-- POSTMORTEM_NVIM_PROBES, JSON naming what to try in one file as a user would:
--   { "hover": { "file": ..., "line": 0-based, "character": UTF-16 },
--     "codeAction": { "file": ..., "code": diagnostic code, "title": action to apply } }
-- The code action is applied to the buffer (never saved) and the next pushed diagnostics recorded.

local result_path = os.getenv('POSTMORTEM_NVIM_RESULT')
local version = vim.version()
local result = { nvim = version.major .. '.' .. version.minor .. '.' .. version.patch, files = {}, errors = {} }

local function required_env(name)
  local value = os.getenv(name)
  if value == nil or value == '' then
    error(name .. ' is not set')
  end
  return value
end

local function write_result()
  if result_path == nil then
    return
  end
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

-- LSP language ids for the filetypes set below (Neovim calls plain text "text").
local language_ids = { text = 'plaintext', markdown = 'markdown', postmortem = 'postmortem' }

local function filetype_for(name)
  if name:match('%.postmortem%.md$') or name:match('%.postmortem%.txt$') or name:match('%.postmortem$') then
    return 'postmortem'
  elseif name:match('%.md$') then
    return 'markdown'
  end
  return 'text'
end

local function diagnostic_rows(diagnostics)
  local rows = {}
  for _, diagnostic in ipairs(diagnostics or {}) do
    table.insert(rows, {
      code = diagnostic.code,
      severity = diagnostic.severity,
      line = diagnostic.range.start.line,
      range = diagnostic.range,
      message = diagnostic.message,
      source = diagnostic.source,
    })
  end
  return rows
end

-- A request answered by the postmortem client, retried until it answers without error.
local function request(state, bufnr, method, params)
  local answer
  vim.wait(state.deadline_ms, function()
    local responses = vim.lsp.buf_request_sync(bufnr, method, params, 2000)
    local response = responses and responses[state.client_id]
    if response == nil or response.err then
      return false
    end
    answer = response
    return true
  end, 50)
  if answer == nil then
    table.insert(result.errors, method .. ' got no answer within ' .. state.deadline_ms .. ' ms')
    return nil
  end
  return answer.result
end

-- Hover and a quick fix, the way a user triggers them (K, then a code action), recorded for the test.
local function run_probes(probes, state)
  result.probes = {}
  local hover = probes.hover
  if hover ~= nil then
    local bufnr = state.buffers[hover.file]
    local answer = request(state, bufnr, 'textDocument/hover', {
      textDocument = vim.lsp.util.make_text_document_params(bufnr),
      position = { line = hover.line, character = hover.character },
    })
    local contents = answer and answer.contents
    result.probes.hover = {
      kind = type(contents) == 'table' and contents.kind or vim.NIL,
      value = type(contents) == 'table' and (contents.value or vim.NIL) or contents or vim.NIL,
      range = answer and answer.range or vim.NIL,
    }
  end

  local fix = probes.codeAction
  if fix ~= nil then
    local bufnr = state.buffers[fix.file]
    local uri = vim.uri_from_bufnr(bufnr)
    local target
    for _, diagnostic in ipairs(state.published[uri] or {}) do
      if diagnostic.code == fix.code then
        target = diagnostic
      end
    end
    local outcome = { actions = {}, applied = false }
    result.probes.codeAction = outcome
    if target == nil then
      table.insert(result.errors, 'no pushed ' .. fix.code .. ' diagnostic in ' .. fix.file)
      return
    end
    local actions = request(state, bufnr, 'textDocument/codeAction', {
      textDocument = vim.lsp.util.make_text_document_params(bufnr),
      range = target.range,
      context = { diagnostics = { target }, only = { 'quickfix' } },
    }) or {}
    local chosen
    for _, action in ipairs(actions) do
      table.insert(outcome.actions, {
        title = action.title,
        kind = action.kind or vim.NIL,
        isPreferred = action.isPreferred or false,
        hasEdit = action.edit ~= nil,
        diagnosticCodes = vim.tbl_map(function(diagnostic)
          return diagnostic.code
        end, action.diagnostics or {}),
      })
      if action.title == fix.title then
        chosen = action
      end
    end
    if chosen == nil or chosen.edit == nil then
      return
    end
    local client = vim.lsp.get_client_by_id(state.client_id)
    local pushes_before = state.push_count[uri] or 0
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
    outcome.applied = true
    outcome.bufferLines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    -- The edit reaches the server as didChange; it answers with a fresh push for the document.
    local pushed = vim.wait(state.deadline_ms, function()
      return (state.push_count[uri] or 0) > pushes_before
    end, 20)
    outcome.pushedAfterEdit = pushed
    outcome.diagnosticsAfter = diagnostic_rows(state.published[uri])
  end
end

local function session()
  local server = required_env('POSTMORTEM_SERVER')
  local root = required_env('POSTMORTEM_NVIM_ROOT')
  local file_names = vim.split(required_env('POSTMORTEM_NVIM_FILES'), '\n', { trimempty = true })
  local deadline_ms = tonumber(os.getenv('POSTMORTEM_NVIM_DEADLINE_MS') or '20000')
  if result_path == nil then
    error('POSTMORTEM_NVIM_RESULT is not set')
  end

  -- Diagnostics arrive as notifications (Neovim 0.7 has no pull diagnostics): keep the latest per
  -- URI, and count the pushes so a later step can wait for one that follows its edit.
  local published = {}
  local push_count = {}
  local server_exit

  local client_id = vim.lsp.start_client({
    name = 'postmortem',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    get_language_id = function(_, filetype)
      return language_ids[filetype] or filetype
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, params)
        published[params.uri] = params.diagnostics
        push_count[params.uri] = (push_count[params.uri] or 0) + 1
      end,
    },
    on_exit = function(code, signal)
      server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then
    error('vim.lsp.start_client failed to start ' .. server)
  end

  local client_ready = vim.wait(deadline_ms, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.server_capabilities ~= nil and next(client.server_capabilities) ~= nil
  end, 20)
  if not client_ready then
    table.insert(result.errors, 'the server did not finish initialize within ' .. deadline_ms .. ' ms')
  end

  -- Load every file into its own buffer and attach the client, as a FileType autocommand would.
  local buffers = {}
  for _, name in ipairs(file_names) do
    local bufnr = vim.fn.bufadd(root .. '/' .. name)
    vim.fn.bufload(bufnr)
    vim.bo[bufnr].filetype = filetype_for(name)
    vim.lsp.buf_attach_client(bufnr, client_id)
    buffers[name] = bufnr
  end

  -- DocumentSymbol trees flattened, each row naming its parent's line (vim.NIL at the top).
  local function flatten(symbols, parent_line, out)
    for _, symbol in ipairs(symbols or {}) do
      local range = symbol.range or (symbol.location and symbol.location.range)
      table.insert(out, {
        name = symbol.name,
        detail = symbol.detail or '',
        kind = symbol.kind,
        line = range.start.line,
        endLine = range['end'].line,
        parentLine = parent_line,
      })
      flatten(symbol.children, range.start.line, out)
    end
    return out
  end

  for _, name in ipairs(file_names) do
    local bufnr = buffers[name]
    local uri = vim.uri_from_bufnr(bufnr)
    local entry = { uri = uri, languageId = language_ids[vim.bo[bufnr].filetype], symbols = {}, diagnostics = {} }
    result.files[name] = entry

    -- Poll the outline until it answers without error (the server may still be starting).
    local started = vim.loop.now()
    local answered = vim.wait(deadline_ms, function()
      local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', {
        textDocument = vim.lsp.util.make_text_document_params(bufnr),
      }, 2000)
      local response = responses and responses[client_id]
      if response == nil then
        return false
      end
      if response.err then
        entry.error = vim.inspect(response.err)
        return false
      end
      entry.symbols = flatten(response.result, vim.NIL, {})
      return true
    end, 50)
    entry.symbolsAnswered = answered
    entry.symbolsMs = vim.loop.now() - started
  end

  -- Every open document gets a publishDiagnostics (an empty one for a document with no problems).
  local all_published = vim.wait(deadline_ms, function()
    for _, name in ipairs(file_names) do
      if published[result.files[name].uri] == nil then
        return false
      end
    end
    return true
  end, 20)
  if not all_published then
    table.insert(result.errors, 'publishDiagnostics did not arrive for every document within ' .. deadline_ms .. ' ms')
  end
  for _, name in ipairs(file_names) do
    local entry = result.files[name]
    entry.diagnosticsPublished = published[entry.uri] ~= nil
    entry.diagnostics = diagnostic_rows(published[entry.uri])
  end

  local probes = os.getenv('POSTMORTEM_NVIM_PROBES')
  if probes ~= nil and probes ~= '' then
    run_probes(vim.fn.json_decode(probes), {
      client_id = client_id,
      buffers = buffers,
      published = published,
      push_count = push_count,
      deadline_ms = deadline_ms,
    })
  end

  -- Shut the server down the way Neovim does on exit and wait for its process to end.
  vim.lsp.stop_client(client_id)
  local stopped = vim.wait(deadline_ms, function()
    return server_exit ~= nil
  end, 20)
  if not stopped then
    table.insert(result.errors, 'the server did not exit within ' .. deadline_ms .. ' ms of shutdown')
  end
  result.serverExit = server_exit or vim.NIL
end

-- A Lua error must not leave a headless Neovim waiting for input: record it and quit.
local ok, err = pcall(session)
if not ok then
  table.insert(result.errors, 'lsp-session.lua: ' .. tostring(err))
end
write_result()
vim.cmd(#result.errors == 0 and 'qall!' or 'cquit! 1')
