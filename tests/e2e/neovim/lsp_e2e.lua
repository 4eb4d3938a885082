-- Headless Neovim 0.7 end-to-end check of the DjangoLsp server (APIs of Debian 12's neovim 0.7.2).
-- usage (see run.sh): DJANGOLSP_CMD="dotnet /path/djangolsp.dll --stdio" EXPECT_RULE=DJ101 \
--   nvim --headless -u NONE -i NONE -n -c "luafile lsp_e2e.lua" -- path/to/file.py
-- Steps: open the file, wait for a diagnostic with code EXPECT_RULE, hover on it (must mention owasp.org),
-- request code actions for it, apply the first quickfix, check the buffer changed and that the server then
-- publishes fewer EXPECT_RULE diagnostics. One JSON object per line on stdout.
-- Exit codes: 0 pass, 1 Lua error, 2 server did not start, 3 no diagnostic with the rule, 4 no quickfix,
-- 5 hover without owasp.org, 6 applying the fix did not change the buffer, 7 the diagnostic did not go away.
local function out(tbl) io.stdout:write(vim.fn.json_encode(tbl) .. "\n") end
local function finish(code, msg)
  out({ result = code == 0 and "PASS" or "FAIL", code = code, message = msg })
  io.stdout:flush()
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.wait(1000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  if code == 0 then vim.cmd("qall!") else vim.cmd("cquit " .. code) end
end

local function hover_text(contents)
  -- MarkupContent, MarkedString (string or {language, value}) or a list of MarkedStrings
  if type(contents) == "string" then return contents end
  if type(contents) ~= "table" then return "" end
  if contents.value then return contents.value end
  local parts = {}
  for _, c in ipairs(contents) do table.insert(parts, hover_text(c)) end
  return table.concat(parts, "\n")
end

local ok, err = pcall(function()
  local cmd = vim.split(os.getenv("DJANGOLSP_CMD") or "djangolsp --stdio", " ", { trimempty = true })
  local rule = os.getenv("EXPECT_RULE") or error("EXPECT_RULE is not set")
  local timeout = tonumber(os.getenv("E2E_TIMEOUT_MS") or "30000")
  local file = vim.fn.fnamemodify(vim.fn.argv(0), ":p")
  local root = os.getenv("ROOT_DIR") ~= nil and os.getenv("ROOT_DIR") ~= "" and vim.fn.fnamemodify(os.getenv("ROOT_DIR"), ":p")
    or vim.fn.fnamemodify(file, ":h")
  local t0 = vim.loop.hrtime()
  local ms = function() return math.floor((vim.loop.hrtime() - t0) / 1e6) end

  vim.cmd("filetype on") -- -u NONE leaves detection off; the filetype becomes the didOpen languageId
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  if os.getenv("LANGUAGE_ID") and os.getenv("LANGUAGE_ID") ~= "" then vim.bo.filetype = os.getenv("LANGUAGE_ID") end
  local bufnr = vim.api.nvim_get_current_buf()
  out({ step = "open", ms = ms(), file = file, filetype = vim.bo.filetype, root = root, cmd = table.concat(cmd, " ") })

  -- Keep the raw LSP diagnostics (with code and data) as the server sent them, per version.
  local uri = vim.uri_from_bufnr(bufnr)
  local published = { count = 0, diagnostics = {} }
  local server_exited = false
  local default_publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
  local client_id = vim.lsp.start_client({
    name = "djangolsp",
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ":t") } },
    settings = { djangolsp = { enable = true, debounceMs = 50 } },
    handlers = {
      ["textDocument/publishDiagnostics"] = function(e, result, ctx, config)
        if result and result.uri == uri then
          published.count = published.count + 1
          published.diagnostics = result.diagnostics
        end
        return default_publish(e, result, ctx, config)
      end,
    },
    on_exit = function(code, signal)
      server_exited = true
      io.stderr:write(("server exited code=%s signal=%s\n"):format(code, signal))
    end,
  })
  if not client_id then return finish(2, "start_client failed") end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function with_rule(list)
    local found = {}
    for _, d in ipairs(list) do if tostring(d.code) == rule then table.insert(found, d) end end
    return found
  end

  -- 1. diagnostics
  local got = vim.wait(timeout, function()
    return #with_rule(published.diagnostics) > 0 or server_exited
  end, 50)
  local client = vim.lsp.get_client_by_id(client_id)
  if not client or server_exited then return finish(2, "server exited before publishing " .. rule) end
  if not got then
    local codes = {}
    for _, d in ipairs(published.diagnostics) do table.insert(codes, tostring(d.code)) end
    return finish(3, ("no %s diagnostic within %d ms (%d publishes; codes seen: %s)")
      :format(rule, timeout, published.count, table.concat(codes, ",")))
  end
  local before = with_rule(published.diagnostics)
  local target = before[1]
  out({ step = "diagnostics", ms = ms(), count = #published.diagnostics, rule_count = #before, first = target })

  -- 2. hover at the finding
  local pos_params = { textDocument = { uri = uri }, position = target.range.start }
  local hres = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", pos_params, 10000) or {}
  local htext = ""
  for _, r in pairs(hres) do
    if r.result and r.result.contents then htext = htext .. hover_text(r.result.contents) end
  end
  out({ step = "hover", ms = ms(), contents = htext })
  if not htext:find("owasp.org", 1, true) then return finish(5, "hover does not mention owasp.org") end

  -- 3. code actions for the finding, with the server's own diagnostic in the context
  local params = {
    textDocument = { uri = uri },
    range = target.range,
    context = { diagnostics = { target }, only = { "quickfix" } },
  }
  local res = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000) or {}
  local actions = {}
  for _, r in pairs(res) do
    if r.error then return finish(4, "codeAction error: " .. vim.inspect(r.error)) end
    for _, a in ipairs(r.result or {}) do table.insert(actions, a) end
  end
  local titles = {}
  for _, a in ipairs(actions) do table.insert(titles, a.title) end
  out({ step = "codeAction", ms = ms(), titles = titles })
  local fix
  for _, a in ipairs(actions) do
    if a.kind == nil or a.kind == "quickfix" or vim.startswith(a.kind, "quickfix.") then fix = a; break end
  end
  if not fix then return finish(4, "no quickfix offered for " .. rule) end
  if not fix.edit and not fix.command and client.server_capabilities.codeActionProvider
      and type(client.server_capabilities.codeActionProvider) == "table"
      and client.server_capabilities.codeActionProvider.resolveProvider then
    local resolved = client.request_sync("codeAction/resolve", fix, 10000, bufnr)
    if resolved and resolved.result then fix = resolved.result end
  end

  -- 4. apply it
  local lines_before = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local publishes_before = published.count
  if fix.edit then vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding) end
  if fix.command then
    local command = type(fix.command) == "table" and fix.command or fix
    client.request_sync("workspace/executeCommand", { command = command.command, arguments = command.arguments }, 10000, bufnr)
  end
  local changed = vim.wait(5000, function()
    return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") ~= table.concat(lines_before, "\n")
  end, 20)
  if not changed then return finish(6, "applying '" .. fix.title .. "' did not change the buffer") end
  local line = target.range.start.line
  out({ step = "applied", ms = ms(), title = fix.title,
        line_before = lines_before[line + 1], line_after = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1] })

  -- 5. the server re-analyses the edited buffer and reports fewer findings of the rule
  local gone = vim.wait(timeout, function()
    return published.count > publishes_before and #with_rule(published.diagnostics) < #before
  end, 50)
  if not gone then
    return finish(7, ("%s still reported %d time(s) after the fix (before: %d)"):format(rule, #with_rule(published.diagnostics), #before))
  end
  out({ step = "rediagnosed", ms = ms(), rule_count = #with_rule(published.diagnostics) })
  finish(0, ("%s found, hover links OWASP, quickfix applied, finding gone"):format(rule))
end)
if not ok then finish(1, "lua error: " .. tostring(err)) end
