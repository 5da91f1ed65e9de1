;;; eglot-session.el --- drive the postmortem language server from Emacs' eglot  -*- lexical-binding: t -*-

;; Opens one plain-text postmortem the way an Emacs user would (eglot on `text-mode', the server
;; started as `node dist/server.js --stdio'), waits for what eglot shows - Flymake diagnostics,
;; the imenu outline (documentSymbol), the ElDoc hover at a position - and writes it as JSON for
;; test/emacs/emacs.test.ts to check. Run with:
;;
;;   emacs --batch -Q -l test/emacs/eglot-session.el
;;
;; Environment: POSTMORTEM_SERVER (dist/server.js), POSTMORTEM_EMACS_FILE (the postmortem),
;; POSTMORTEM_EMACS_RESULT (JSON output), POSTMORTEM_EMACS_DEADLINE_MS (how long to wait for each
;; answer), POSTMORTEM_EMACS_HOVER ("LINE:CHARACTER", 0-based, where to ask for the hover).

;;; Code:

;; -Q skips Debian's site startup, which puts its packages (elpa-eglot and the newer project
;; and xref it needs) on `package-directory-list'; do that here. Emacs 29 has eglot built in.
(require 'package)
(let ((debian-elpa "/usr/share/emacs/site-lisp/elpa"))
  (when (file-directory-p debian-elpa)
    (add-to-list 'package-directory-list debian-elpa)))
(package-initialize)
(require 'eglot)
(require 'flymake)
(require 'imenu)
(require 'json)

(defvar postmortem-errors nil "What went wrong, newest first.")

(defun postmortem-env (name)
  "The environment variable NAME, which must be set."
  (let ((value (getenv name)))
    (when (or (null value) (string-empty-p value))
      (error "%s is not set" name))
    value))

(defconst postmortem-deadline
  (/ (string-to-number (postmortem-env "POSTMORTEM_EMACS_DEADLINE_MS")) 1000.0)
  "Seconds to wait for each answer.")

(defun postmortem-poll (what predicate)
  "Return PREDICATE's first non-nil value, processing server output until the deadline.
On timeout, record that WHAT never came and return nil."
  (let ((end (+ (float-time) postmortem-deadline))
        value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) end))
      (accept-process-output nil 0.05))
    (unless value
      (push (format "%s: nothing within %.0f s" what postmortem-deadline) postmortem-errors))
    value))

(defun postmortem-line-of (position)
  "0-based line of POSITION."
  (1- (line-number-at-pos position t)))

(defun postmortem-diagnostic-row (diagnostic)
  "What a user sees of DIAGNOSTIC in Flymake, plus the LSP code eglot keeps with it."
  (let* ((beg (flymake-diagnostic-beg diagnostic))
         (end (flymake-diagnostic-end diagnostic))
         (lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diagnostic))))
    (list :type (symbol-name (flymake-diagnostic-type diagnostic))
          :text (flymake-diagnostic-text diagnostic)
          :code (plist-get lsp :code)
          :line (postmortem-line-of beg)
          :text_covered (buffer-substring-no-properties beg end))))

(defun postmortem-imenu-rows (index path)
  "Flatten the imenu INDEX into \"Group > ... > Name\" rows with their 0-based line, under PATH."
  (let (rows)
    (dolist (item index)
      (let ((name (car item))
            (rest (cdr item)))
        (if (listp rest)
            (setq rows (append rows (postmortem-imenu-rows rest (append path (list name)))))
          (push (list :path (mapconcat #'identity (append path (list name)) " > ")
                      :line (postmortem-line-of rest))
                rows))))
    (sort rows (lambda (a b) (< (plist-get a :line) (plist-get b :line))))))

(defun postmortem-symbol-rows (symbols parent-line)
  "Flatten the DocumentSymbol vector SYMBOLS (children under PARENT-LINE) into rows."
  (let (rows)
    (seq-doseq (symbol symbols)
      (let ((line (plist-get (plist-get (plist-get symbol :selectionRange) :start) :line)))
        (push (list :name (plist-get symbol :name)
                    :detail (or (plist-get symbol :detail) "")
                    :line line
                    :parent_line parent-line)
              rows)
        (setq rows (append (reverse (postmortem-symbol-rows (or (plist-get symbol :children) []) line)) rows))))
    (nreverse rows)))

(defun postmortem-hover-at (line character)
  "The text ElDoc shows at LINE:CHARACTER (0-based), through eglot's hover function."
  (goto-char (point-min))
  (forward-line line)
  (forward-char character)
  (let (shown)
    (eglot-hover-eldoc-function (lambda (text &rest _) (setq shown (or text "")) t))
    (postmortem-poll "hover" (lambda () shown))))

(defun postmortem-run ()
  "Open the file, start eglot, collect what it shows and write the result."
  (let* ((server-js (postmortem-env "POSTMORTEM_SERVER"))
         (file (postmortem-env "POSTMORTEM_EMACS_FILE"))
         (hover-spec (mapcar #'string-to-number (split-string (postmortem-env "POSTMORTEM_EMACS_HOVER") ":")))
         (result (list :emacs emacs-version
                       :eglot (package-version-join
                               (package-desc-version (cadr (assq 'eglot package-alist)))))))
    ;; The README's init.el entry, with the server from this checkout.
    (add-to-list 'eglot-server-programs
                 `((markdown-mode (text-mode :language-id "plaintext"))
                   . ("node" ,server-js "--stdio")))
    (find-file file)
    (text-mode)
    (call-interactively #'eglot)
    (let ((server (postmortem-poll "eglot connection" #'eglot-current-server)))
      (when server
        (setq result (plist-put result :server_name
                                (plist-get (eglot--server-info server) :name)))
        (setq result (plist-put result :major_mode (symbol-name major-mode)))
        (setq result (plist-put result :language_id (eglot--language-id server)))
        ;; Flymake starts on the first command in an interactive session; there is none in batch.
        (let ((diagnostics (postmortem-poll "Flymake diagnostics"
                                            (lambda () (flymake-start) (flymake-diagnostics)))))
          (setq result (plist-put result :diagnostics
                                  (vconcat (mapcar #'postmortem-diagnostic-row diagnostics)))))
        (setq result (plist-put result :imenu
                                (vconcat (postmortem-imenu-rows (funcall imenu-create-index-function) nil))))
        (setq result (plist-put result :symbols
                                (vconcat (postmortem-symbol-rows
                                          (jsonrpc-request server :textDocument/documentSymbol
                                                           (list :textDocument (eglot--TextDocumentIdentifier)))
                                          nil))))
        (setq result (plist-put result :hover (postmortem-hover-at (nth 0 hover-spec) (nth 1 hover-spec))))
        (let ((process (jsonrpc--process server)))
          (eglot-shutdown server)
          (postmortem-poll "server exit" (lambda () (not (process-live-p process))))
          ;; eglot 1.9 sends shutdown and exit, then deletes the process itself.
          (setq result (plist-put result :server_stopped (if (process-live-p process) :json-false t))))))
    (setq result (plist-put result :errors (vconcat (reverse postmortem-errors))))
    (with-temp-file (postmortem-env "POSTMORTEM_EMACS_RESULT")
      (insert (json-encode result)))))

(condition-case err
    (postmortem-run)
  (error
   (push (error-message-string err) postmortem-errors)
   (with-temp-file (postmortem-env "POSTMORTEM_EMACS_RESULT")
     (insert (json-encode (list :errors (vconcat (reverse postmortem-errors))))))))

(kill-emacs 0)

;;; eglot-session.el ends here
