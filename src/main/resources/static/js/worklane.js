// Sends the CSRF token with every htmx request, as forms do with their hidden field.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// Worklane's keyboard and dialog behaviour; every page works without it, only slower to drive.
(function () {
  function typing(target) {
    if (!target || !target.closest) return false;
    return !!target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']");
  }

  // The create dialog arrives as HTML (by htmx, or as a page of its own); open it as a modal.
  function openDialogs(root) {
    (root || document).querySelectorAll("dialog[data-modal]").forEach(function (dialog) {
      if (dialog.dataset.opened) return;
      dialog.dataset.opened = "1";
      // Rendered open (it works without JavaScript that way); reopen it as a modal. Removing the
      // attribute, unlike close(), fires no "close" event that would dismiss it again at once.
      if (dialog.open) dialog.removeAttribute("open");
      dialog.showModal();
      var first = dialog.querySelector("[aria-invalid='true']") || dialog.querySelector("[autofocus]");
      if (first) first.focus();
      dialog.addEventListener("close", function () {
        // Rendered as the page itself (no list behind it): closing goes back to the list.
        if (dialog.parentElement && dialog.parentElement.tagName === "MAIN") {
          var back = dialog.querySelector("a[data-close-dialog]");
          if (back) window.location.href = back.href;
        } else {
          dialog.remove();
        }
      });
    });
  }

  document.addEventListener("click", function (event) {
    var close = event.target.closest && event.target.closest("[data-close-dialog]");
    if (close) {
      var dialog = close.closest("dialog");
      if (dialog && dialog.open) {
        event.preventDefault();
        dialog.close();
      }
    }
  });

  document.addEventListener("DOMContentLoaded", function () { openDialogs(document); });
  document.addEventListener("htmx:load", function (event) { openDialogs(event.target.parentElement || document); });

  // After an in-place change, every form on the page writes against the item's new version.
  document.addEventListener("itemChanged", function (event) {
    var version = event.detail && event.detail.version;
    if (version === undefined) return;
    document.querySelectorAll("input[data-item-version]").forEach(function (input) { input.value = version; });
  });

  // A comment posted without a reload: clear the box and any earlier error.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target;
    if (form.matches && form.matches("form[data-reset-on-success]") && event.detail.successful) {
      form.reset();
      var error = form.querySelector(".field-error");
      if (error) error.textContent = "";
    }
  });

  // A file over the upload limit is refused before it is sent (the server refuses it too, but only after
  // the whole body has crossed the network, and its refusal cannot reach the page).
  function checkUpload(form) {
    var input = form.querySelector("input[type=file]");
    var error = form.querySelector(".field-error");
    var max = Number(form.dataset.maxBytes);
    var tooLarge = !!(input && input.files && input.files[0] && max && input.files[0].size > max);
    if (input) input.setAttribute("aria-invalid", tooLarge ? "true" : "false");
    if (error) error.textContent = tooLarge ? form.dataset.tooLarge : "";
    return !tooLarge;
  }

  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("form[data-max-bytes]");
    if (form) checkUpload(form);
  });

  // In the capture phase, so that a refused upload never reaches htmx's (boosted) submit handler.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches && form.matches("form[data-max-bytes]") && !checkUpload(form)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  document.addEventListener("htmx:responseError", function (event) {
    var form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("form[data-max-bytes]");
    if (form && event.detail.xhr && event.detail.xhr.status === 413) {
      var error = form.querySelector(".field-error");
      if (error) error.textContent = form.dataset.tooLarge;
    }
  });

  // A person picker suggests people as their name or address is typed; the last answer asked for wins.
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-people]")) return;
    var list = document.getElementById(input.getAttribute("list"));
    var asked = input.value;
    fetch(input.dataset.people + "?q=" + encodeURIComponent(asked), { headers: { "HX-Request": "true" } })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (options) { if (list && input.value === asked) list.innerHTML = options; });
  });

  // j/k move through the rows of a list, Enter opens the current one, / searches, c creates.
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("table[data-keyboard-list] tbody tr[data-key]"));
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var current = all.findIndex(function (row) { return row.classList.contains("is-current"); });
    var next = current < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, current + step));
    if (current >= 0) all[current].classList.remove("is-current");
    all[next].classList.add("is-current");
    all[next].setAttribute("aria-current", "true");
    if (current >= 0 && current !== next) all[current].removeAttribute("aria-current");
    all[next].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.target.id === "q") { event.target.blur(); return; }
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (document.querySelector("dialog[open]")) return;
    if (event.key === "j") { move(1); event.preventDefault(); }
    else if (event.key === "k") { move(-1); event.preventDefault(); }
    else if (event.key === "Enter") {
      var current = document.querySelector("tr.is-current[data-key] a");
      if (current) { current.click(); event.preventDefault(); }
    } else if (event.key === "/") {
      var q = document.getElementById("q");
      if (q) { q.focus(); q.select(); event.preventDefault(); }
    } else if (event.key === "c") {
      var create = document.getElementById("new-item");
      if (create) { create.click(); event.preventDefault(); }
    }
  });
})();

// An order form shows a field only while the earlier field it depends on has the answer it names;
// the server applies the same rule, so without this script the field is merely always shown.
(function () {
  function answer(form, key) {
    var input = form.querySelector('[name="answer.' + key + '"]');
    if (!input) return "";
    if (input.type === "checkbox") return input.checked ? "true" : "false";
    return input.value;
  }
  function refresh(form) {
    form.querySelectorAll("[data-visible-field]").forEach(function (field) {
      field.hidden = answer(form, field.dataset.visibleField) !== field.dataset.visibleEquals;
    });
  }
  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("form.order-form");
    if (form) refresh(form);
  });
})();

// A page region that shows something live (a request): the server announces each change on its
// event stream, and the region is fetched and shown again, unless someone is typing in it (it waits
// until they leave the field) or sending one of its forms (the answer shows the page anew anyway).
// Pages reached through hx-boost set it up too.
(function () {
  var source = null;
  var pending = false;
  var submitting = false;
  function region() { return document.querySelector("[data-live-url]"); }
  function busy(shown) {
    var active = document.activeElement;
    return active && shown.contains(active) && (active.tagName === "INPUT" || active.tagName === "TEXTAREA") && active.value !== "";
  }
  function refresh() {
    var shown = region();
    if (!shown || submitting) return;
    if (busy(shown)) { pending = true; return; }
    pending = false;
    fetch(window.location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var current = region();
        if (!html || !current || submitting) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(current.id);
        if (!fresh) return;
        current.innerHTML = fresh.innerHTML;
        if (window.htmx) window.htmx.process(current);
      });
  }
  function watch() {
    submitting = false;
    var shown = region();
    if (source && (!shown || source.url.indexOf(shown.dataset.liveUrl) < 0)) { source.close(); source = null; }
    if (!shown || source || !window.EventSource) return;
    source = new EventSource(shown.dataset.liveUrl);
    source.addEventListener("changed", refresh);
    source.addEventListener("resync", refresh);
  }
  document.addEventListener("submit", function (event) {
    var shown = region();
    if (shown && shown.contains(event.target)) { submitting = true; pending = false; }
  });
  document.addEventListener("focusout", function (event) {
    var shown = region();
    if (!pending || !shown || !shown.contains(event.target)) return;
    // Moving to the form's own button: it is about to be sent.
    if (event.relatedTarget && event.target.form && event.relatedTarget.form === event.target.form) return;
    setTimeout(refresh, 0);
  });
  watch();
  document.addEventListener("htmx:afterSettle", watch);
  window.addEventListener("beforeunload", function () { if (source) source.close(); });
})();

// Item lists of agents show each row's most pressing SLA clock beside its key (module sla serves
// them); rows added later (more pages, live rows) get theirs too.
(function () {
  function decorate() {
    document.querySelectorAll("table[data-sla-url]").forEach(function (table) {
      var rows = Array.prototype.filter.call(table.querySelectorAll("tr[data-key]"), function (row) { return !row.dataset.slaDone; });
      if (rows.length === 0) return;
      rows.forEach(function (row) { row.dataset.slaDone = "1"; });
      var keys = rows.map(function (row) { return row.dataset.key; });
      fetch(table.dataset.slaUrl + "?items=" + encodeURIComponent(keys.join(",")), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (badges) {
          badges.forEach(function (badge) {
            var row = table.querySelector('tr[data-key="' + badge.key + '"] td.key');
            if (!row) return;
            var pill = document.createElement("span");
            pill.className = "pill sla-badge sla-" + badge.status + (badge.urgent ? " urgent" : "");
            pill.textContent = badge.text;
            pill.title = "Service level: " + badge.text;
            row.appendChild(document.createTextNode(" "));
            row.appendChild(pill);
          });
        });
    });
  }
  decorate();
  document.addEventListener("htmx:afterSettle", decorate);
})();
