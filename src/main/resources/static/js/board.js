// The Kanban board: drag and drop (SortableJS) and keyboard moves, each sent to the server, which
// applies the workflow and the WIP limits. A refused move puts the card back and says why; a hard
// limit can be overridden with a reason by those allowed to. Other people's changes arrive live.
(function () {
  var board = document.getElementById("board");
  if (!board || typeof Sortable === "undefined") return;

  var status = document.getElementById("board-status");
  var csrfHeader = document.querySelector('meta[name="csrf-header"]');
  var csrfToken = document.querySelector('meta[name="csrf-token"]');

  function say(message) {
    status.textContent = message || "";
    status.hidden = !message;
  }

  function cardUrl(key) { return board.dataset.cardUrl + encodeURIComponent(key); }

  function post(url, params) {
    var headers = { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" };
    if (csrfHeader && csrfToken) headers[csrfHeader.content] = csrfToken.content;
    return fetch(url, { method: "POST", headers: headers, body: new URLSearchParams(params), credentials: "same-origin" });
  }

  function neighbour(card, direction) {
    var sibling = direction < 0 ? card.previousElementSibling : card.nextElementSibling;
    while (sibling && !sibling.matches("li.card")) sibling = direction < 0 ? sibling.previousElementSibling : sibling.nextElementSibling;
    return sibling;
  }

  function counts() {
    board.querySelectorAll(".column-head").forEach(function (head) {
      var n = board.querySelectorAll('ol.cell[data-column="' + head.dataset.column + '"] > li.card').length;
      var hidden = 0;
      board.querySelectorAll('ol.cell[data-column="' + head.dataset.column + '"] > li.more').forEach(function (more) {
        hidden += Number((more.textContent.match(/\d+/) || [0])[0]);
      });
      var count = n + hidden;
      head.querySelector(".n").textContent = count;
      var limit = Number(head.dataset.limit || 0);
      head.classList.toggle("wip-over", !!limit && count > limit);
      head.classList.toggle("wip-at", !!limit && count === limit);
    });
  }

  // Replaces a card by the server's rendering of it (or removes it if the board no longer shows it).
  function refresh(key, place) {
    return fetch(cardUrl(key), { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        var old = board.querySelector('li.card[data-key="' + key + '"]');
        var focused = !!old && old.contains(document.activeElement);
        var template = document.createElement("template");
        template.innerHTML = html.trim();
        var fresh = template.content.querySelector("li.card");
        if (!fresh) { if (old) old.remove(); counts(); return; }
        var cell = board.querySelector('ol.cell[data-column="' + fresh.dataset.column + '"][data-lane="' + fresh.dataset.lane + '"]');
        if (old && old.parentElement === cell && !place) {
          old.replaceWith(fresh);
        } else if (cell) {
          if (old) old.remove();
          placeByRank(cell, fresh);
        } else if (old) {
          old.remove();
        }
        if (window.htmx) htmx.process(fresh);
        if (focused) fresh.focus();
        counts();
        return fresh;
      });
  }

  // Cards carry their rank: a card placed from elsewhere goes before the first card ranked after it.
  function placeByRank(cell, card) {
    var rank = Number(card.dataset.rank);
    var next = Array.prototype.find.call(cell.querySelectorAll("li.card"), function (other) {
      return Number(other.dataset.rank) > rank;
    });
    cell.insertBefore(card, next || cell.querySelector("li.more") || null);
  }

  function move(card, from, oldIndex, override) {
    var cell = card.parentElement;
    var after = neighbour(card, -1);
    var before = neighbour(card, 1);
    var params = { item: card.dataset.key, column: cell.dataset.column, version: card.dataset.version };
    if (after) params.after = after.dataset.key;
    if (before) params.before = before.dataset.key;
    if (override) params.overrideReason = override;
    card.classList.add("is-moving");
    return post(board.dataset.movesUrl, params).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        card.classList.remove("is-moving");
        if (response.ok) {
          say(body.warnings && body.warnings.length ? body.warnings.join(" ") : "");
          return refresh(card.dataset.key).then(function (fresh) { if (fresh) fresh.focus(); });
        }
        putBack(card, from, oldIndex);
        if (body.type && /wip-limit-reached$/.test(body.type) && body.overridable) {
          askOverride(body.detail, function (reason) {
            cell.insertBefore(card, before && before.parentElement === cell ? before : cell.querySelector("li.more"));
            move(card, from, oldIndex, reason);
          });
        }
        say(body.detail || "The move failed; the card is back where it was.");
      });
    });
  }

  function putBack(card, from, oldIndex) {
    var items = Array.prototype.filter.call(from.children, function (child) { return child !== card; });
    from.insertBefore(card, items[oldIndex] || from.querySelector("li.more") || null);
    counts();
  }

  function askOverride(detail, then) {
    var dialog = document.getElementById("override-dialog");
    dialog.querySelector(".override-reason-text").textContent = detail;
    var reason = dialog.querySelector("textarea");
    reason.value = "";
    dialog.onclose = function () {
      if (dialog.returnValue === "override" && reason.value.trim()) then(reason.value.trim());
    };
    dialog.showModal();
  }

  board.querySelectorAll("ol.cell").forEach(function (cell) {
    Sortable.create(cell, {
      // A card moves between columns of its own lane (its lane follows from the item, not from the drop).
      group: "lane:" + cell.dataset.lane,
      draggable: "li.card",
      filter: "button, a",
      preventOnFilter: false,
      animation: 120,
      // Pointer events rather than native drag and drop: the same on touch screens, and scriptable.
      forceFallback: true,
      onEnd: function (event) {
        if (event.from === event.to && event.oldIndex === event.newIndex) return;
        counts();
        move(event.item, event.from, event.oldIndex);
      }
    });
  });

  // Collapsed lanes stay collapsed for this board in this browser.
  board.querySelectorAll("details.lane").forEach(function (lane) {
    var remembered = "worklane.lane." + board.dataset.board + "." + lane.dataset.lane;
    if (window.localStorage && localStorage.getItem(remembered) === "closed") lane.open = false;
    lane.addEventListener("toggle", function () {
      if (window.localStorage) {
        if (lane.open) localStorage.removeItem(remembered); else localStorage.setItem(remembered, "closed");
      }
    });
  });

  // Keyboard: arrows move the focus, Shift+arrows move the card, Enter opens it, b blocks or unblocks.
  function columns(lane) {
    return Array.prototype.slice.call(board.querySelectorAll('ol.cell[data-lane="' + lane + '"]'));
  }

  board.addEventListener("keydown", function (event) {
    var card = event.target.closest && event.target.closest("li.card");
    if (!card || event.target !== card) return;
    var cell = card.parentElement;
    var cells = columns(cell.dataset.lane);
    var index = cells.indexOf(cell);
    var from = cell;
    var oldIndex = Array.prototype.indexOf.call(cell.children, card);
    if (event.key === "Enter") { card.querySelector("a.key").click(); event.preventDefault(); return; }
    if (event.key === "b") { var toggle = card.querySelector(".block-toggle"); if (toggle) toggle.click(); event.preventDefault(); return; }
    var target = null;
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      var next = cells[index + (event.key === "ArrowLeft" ? -1 : 1)];
      if (!next) return;
      if (event.shiftKey) {
        next.insertBefore(card, next.querySelector("li.card") || next.querySelector("li.more"));
        counts();
        move(card, from, oldIndex);
      } else {
        target = next.querySelector("li.card");
      }
      event.preventDefault();
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      var sibling = neighbour(card, event.key === "ArrowUp" ? -1 : 1);
      if (!sibling) return;
      if (event.shiftKey) {
        if (event.key === "ArrowUp") sibling.before(card); else sibling.after(card);
        move(card, from, oldIndex);
        card.focus();
      } else {
        target = sibling;
      }
      event.preventDefault();
    }
    if (target) target.focus();
  });

  // Blocking from the card: a reason, then the card comes back re-rendered.
  board.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-block], [data-unblock]");
    if (!button) return;
    var card = button.closest("li.card");
    var key = card.dataset.key;
    if (button.hasAttribute("data-unblock")) {
      post(cardUrl(key) + "/unblock", {}).then(function () { refresh(key); });
      return;
    }
    var dialog = document.getElementById("block-dialog");
    var reason = dialog.querySelector("textarea");
    reason.value = "";
    dialog.querySelectorAll("select").forEach(function (select) { select.value = ""; });
    dialog.onclose = function () {
      if (dialog.returnValue !== "block" || !reason.value.trim()) return;
      var params = { reason: reason.value.trim() };
      var person = dialog.querySelector("#block-person");
      var team = dialog.querySelector("#block-team");
      if (person && person.value) params.waitingOn = person.value;
      if (team && team.value) params.waitingOnTeam = team.value;
      post(cardUrl(key) + "/block", params).then(function (response) {
        if (!response.ok) {
          response.json().then(function (body) { say(body.detail); }).catch(function () { say("Could not block " + key + "."); });
        }
        refresh(key);
      });
    };
    dialog.showModal();
  });

  // Live: the server announces every change to a card of this board; the card is fetched and placed.
  if (window.EventSource && board.dataset.eventsUrl) {
    var source = new EventSource(board.dataset.eventsUrl);
    source.addEventListener("card", function (event) {
      var data = JSON.parse(event.data);
      var shown = board.querySelector('li.card[data-key="' + data.key + '"]');
      if (shown && shown.classList.contains("is-moving")) return; // our own move: its answer re-renders it
      if (data.on) refresh(data.key, { live: true });
      else if (shown) { shown.remove(); counts(); }
    });
    source.addEventListener("resync", function () { window.location.reload(); });
    window.addEventListener("beforeunload", function () { source.close(); });
  }
})();
