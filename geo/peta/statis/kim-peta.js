/* Peta Potensi KIM: our own small Leaflet additions (no CDN, no icon font).
 *
 * - L.control.kimLayar: fullscreen (Fullscreen API) and "fit to data" buttons.
 * - L.control.kimLegenda: a collapsible legend from prepared, escaped HTML.
 * - L.kimPotensi: one DivIcon marker per potential, popups built from
 *   fields that the server has already HTML-escaped.
 * - L.kimLabel: kelurahan name labels.
 */
(function () {
  "use strict";
  if (!window.L) { return; }

  var IKON_LAYAR = '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" fill="none" stroke="currentColor" stroke-width="2"/></svg>';
  var IKON_KELUAR = '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M6 2v4H2M14 6h-4V2M10 14v-4h4M2 10h4v4" fill="none" stroke="currentColor" stroke-width="2"/></svg>';
  var IKON_PAS = '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><rect x="3" y="3" width="10" height="10" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="8" cy="8" r="1.8" fill="currentColor"/></svg>';

  function tombol(bar, html, judul, aksi) {
    var a = L.DomUtil.create("a", "kim-tombol", bar);
    a.href = "#";
    a.setAttribute("role", "button");
    a.title = judul;
    a.setAttribute("aria-label", judul);
    a.innerHTML = html;
    L.DomEvent.on(a, "click", function (e) { L.DomEvent.preventDefault(e); aksi(); });
    return a;
  }

  // Wide maps keep the legend open at the bottom right: leave it room when fitting.
  var LEBAR_LEGENDA_TERBUKA = 560;
  function opsiPas(map, ruangLegenda) {
    return ruangLegenda && map.getSize().x >= LEBAR_LEGENDA_TERBUKA
      ? { paddingTopLeft: [48, 16], paddingBottomRight: [215, 16] }
      : { padding: [16, 16] };
  }

  // A basemap whose tiles never load (offline, blocked by a proxy): after a few
  // failures and no success, drop it so the map stops asking, and say so once.
  var BATAS_GAGAL_UBIN = 4;
  function pantauUbin(map, pesan) {
    var diberitahu = false;
    map.on("layeradd", function (e) {
      var lapisan = e.layer;
      if (!(lapisan instanceof L.TileLayer) || lapisan._kimDipantau) { return; }
      lapisan._kimDipantau = true;
      var gagal = 0, berhasil = 0;
      lapisan.on("tileload", function () { berhasil += 1; });
      lapisan.on("tileerror", function () {
        gagal += 1;
        if (gagal < BATAS_GAGAL_UBIN || berhasil > 0 || !map.hasLayer(lapisan)) { return; }
        map.removeLayer(lapisan);
        if (pesan && !diberitahu) {
          diberitahu = true;
          var catatan = L.control({ position: "bottomleft" });
          catatan.onAdd = function () {
            var div = L.DomUtil.create("div", "kim-catatan-ubin");
            div.textContent = pesan;
            return div;
          };
          catatan.addTo(map);
        }
      });
    });
  }

  L.Control.KimLayar = L.Control.extend({
    options: { position: "topleft", judulMasuk: "Layar penuh", judulKeluar: "Keluar dari layar penuh", judulPas: "Tampilkan semua data", batas: null, ruangLegenda: true, pesanUbin: "" },
    onAdd: function (map) {
      var o = this.options;
      pantauUbin(map, o.pesanUbin);
      var bar = L.DomUtil.create("div", "leaflet-bar kim-kontrol");
      var wadah = map.getContainer();
      var penuh = function () { return document.fullscreenElement === wadah || L.DomUtil.hasClass(wadah, "kim-layar-penuh"); };
      var tLayar = tombol(bar, IKON_LAYAR, o.judulMasuk, function () {
        if (document.fullscreenEnabled && wadah.requestFullscreen) {
          if (document.fullscreenElement) { document.exitFullscreen(); } else { wadah.requestFullscreen().catch(function () { L.DomUtil.addClass(wadah, "kim-layar-penuh"); segarkan(); }); }
        } else {
          // Without the Fullscreen API, fill the window (or the frame) instead.
          if (penuh()) { L.DomUtil.removeClass(wadah, "kim-layar-penuh"); } else { L.DomUtil.addClass(wadah, "kim-layar-penuh"); }
          segarkan();
        }
      });
      function segarkan() {
        var p = penuh();
        // Full screen has room for the legend: open it, and restore its state afterwards.
        var legenda = wadah.querySelector("details.kim-legenda");
        if (legenda && p && legenda._kimSebelum === undefined) { legenda._kimSebelum = legenda.open; legenda.open = true; }
        if (legenda && !p && legenda._kimSebelum !== undefined) { legenda.open = legenda._kimSebelum; legenda._kimSebelum = undefined; }
        tLayar.innerHTML = p ? IKON_KELUAR : IKON_LAYAR;
        tLayar.title = p ? o.judulKeluar : o.judulMasuk;
        tLayar.setAttribute("aria-label", tLayar.title);
        map.invalidateSize();
      }
      this._segarkan = segarkan;
      if (window.__kimHidup) { window.__kimHidup.layar = this; }
      L.DomEvent.on(document, "fullscreenchange", segarkan);
      if (o.batas) {
        tombol(bar, IKON_PAS, o.judulPas, function () { map.fitBounds(o.batas, opsiPas(map, o.ruangLegenda)); });
        // Added before the tile layers, so the first tiles fetched are those of this view.
        map.fitBounds(o.batas, opsiPas(map, o.ruangLegenda));
      }
      L.DomEvent.disableClickPropagation(bar);
      return bar;
    },
    onRemove: function () { L.DomEvent.off(document, "fullscreenchange", this._segarkan); }
  });
  L.control.kimLayar = function (o) { return new L.Control.KimLayar(o); };

  // The page draws the same legend under a live map, so the map's updates leave it out (issue #26):
  // the map's own collapsed copy (opened in full screen) is taken from the page, which is same-origin.
  function salinLegenda(isi) {
    if (!isi || !(window.__kimHidup && window.__kimHidup.legendaHalaman)) { return; }
    try {
      var sumber = window.parent !== window ? window.parent.document.querySelector(".kim-legenda-datar") : null;
      if (sumber && isi.innerHTML !== sumber.innerHTML) { isi.innerHTML = sumber.innerHTML; }
    } catch (e) { /* another origin: the map keeps the legend it has */ }
  }

  L.Control.KimLegenda = L.Control.extend({
    // terbuka: true/false, or null to open it only on a wide map.
    options: { position: "bottomright", html: "", judul: "Legenda", terbuka: null },
    onAdd: function (map) {
      var d = L.DomUtil.create("details", "kim-legenda");
      var t = this.options.terbuka;
      d.open = t === null || t === undefined ? map.getSize().x >= LEBAR_LEGENDA_TERBUKA : !!t;
      d.innerHTML = "<summary>" + this.options.judul + "</summary><div class=\"kim-legenda-isi\">" + this.options.html + "</div>";
      // Opened on a live map whose updates carry no legend: take the page's (see salinLegenda).
      L.DomEvent.on(d, "toggle", function () { if (d.open) { salinLegenda(d.querySelector(".kim-legenda-isi")); } });
      L.DomEvent.disableClickPropagation(d);
      L.DomEvent.disableScrollPropagation(d);
      return d;
    }
  });
  L.control.kimLegenda = function (o) { return new L.Control.KimLegenda(o); };

  function baris(label, nilai) {
    return nilai ? "<tr><th>" + label + "</th><td>" + nilai + "</td></tr>" : "";
  }

  // Every text field in `d` is already HTML-escaped by the server.
  function isiPopup(t, d) {
    var lab = d.label;
    return "<div class=\"kim-popup\">" +
      "<div class=\"kim-popup-kim\">" + t[4] + "</div>" +
      "<div class=\"kim-popup-potensi\">" + t[5] + "</div>" +
      "<span class=\"kim-lencana\" style=\"--w:" + d.warna[t[2]] + "\">" + d.kategori[t[2]] + "</span>" +
      "<table>" +
      baris(lab.status, "<span class=\"kim-status kim-s-" + d.gaya[t[3]] + "\">" + d.status[t[3]] + "</span>") +
      baris(lab.anggota, t[7]) + baris(lab.kegiatan, t[8]) + baris(lab.kontak, t[9]) + baris(lab.kelurahan, t[6]) +
      "</table>" +
      (t[10] ? "<img class=\"kim-popup-foto\" src=\"" + t[10] + "\" alt=\"" + lab.foto + ": " + t[5] + "\" loading=\"lazy\">" : "") +
      "</div>";
  }

  // Server text is HTML-escaped for innerHTML; a title attribute needs it plain.
  // A <textarea> parses entities without running or building any markup.
  var pengurai = document.createElement("textarea");
  function teksPolos(html) { pengurai.innerHTML = html; return pengurai.value; }

  L.kimPotensi = function (d) {
    var grup = d.klaster && L.markerClusterGroup
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, disableClusteringAtZoom: 16, chunkedLoading: true })
      : L.featureGroup();
    var ikon = {};
    function ambilIkon(k, s) {
      var kunci = k + "_" + s;
      if (!ikon[kunci]) {
        ikon[kunci] = L.divIcon({
          className: "kim-potensi kim-s-" + d.gaya[s],
          html: "<span class=\"kim-titik\" style=\"--w:" + d.warna[k] + "\"></span>",
          iconSize: [16, 16], iconAnchor: [8, 8], popupAnchor: [0, -8]
        });
      }
      return ikon[kunci];
    }
    var semua = [];
    for (var i = 0; i < d.titik.length; i++) {
      var t = d.titik[i];
      // An accessible name for the marker button (screen readers, keyboard users): potential · KIM · status.
      var m = L.marker([t[0], t[1]], { icon: ambilIkon(t[2], t[3]), riseOnHover: true,
                                      title: teksPolos(t[5] + " \u00b7 " + t[4] + " \u00b7 " + d.status[t[3]]) });
      m.bindPopup(isiPopup(t, d), { maxWidth: 280, minWidth: 180 });
      grup.addLayer(m);
      semua.push(m);
    }
    if (d.klaster && grup.onAdd) {
      // Leaflet.markercluster needs a finite maxZoom; with no tile layer (offline, "kosong") the map has none.
      var tambahAsli = grup.onAdd;
      grup.onAdd = function (map) {
        if (!isFinite(map.getMaxZoom())) { map.options.maxZoom = 18; }
        return tambahAsli.call(this, map);
      };
    }
    if (!d.klaster) {
      grup.on("add", function () {
        var map = grup._map;
        var atur = function () { sebarPenanda(map, semua); };
        map.on("zoomend", atur);
        grup.on("remove", function () { map.off("zoomend", atur); });
        atur();
      });
    }
    return grup;
  };

  // Markers closer than one icon apart are nudged onto a small ring around
  // their point (a mini spider), so at any zoom none hides another; the
  // popup still opens at the true position.
  var JARAK_PENANDA = 15;
  function sebarPenanda(map, penanda) {
    var terpasang = [];
    for (var i = 0; i < penanda.length; i++) {
      var el = penanda[i].getElement();
      if (!el) { continue; }
      var p = map.latLngToLayerPoint(penanda[i].getLatLng());
      var pilih = [0, 0];
      search:
      for (var cincin = 0; cincin <= 4; cincin++) {
        var n = cincin ? 6 * cincin : 1;
        for (var a = 0; a < n; a++) {
          var sudut = 2 * Math.PI * a / n - Math.PI / 2;
          var dx = Math.round(Math.cos(sudut) * cincin * JARAK_PENANDA), dy = Math.round(Math.sin(sudut) * cincin * JARAK_PENANDA);
          var bebas = true;
          for (var j = 0; j < terpasang.length; j++) {
            if (Math.abs(terpasang[j][0] - p.x - dx) < JARAK_PENANDA && Math.abs(terpasang[j][1] - p.y - dy) < JARAK_PENANDA) { bebas = false; break; }
          }
          if (bebas) { pilih = [dx, dy]; break search; }
        }
      }
      terpasang.push([p.x + pilih[0], p.y + pilih[1]]);
      el.style.marginLeft = (pilih[0] - 8) + "px";
      el.style.marginTop = (pilih[1] - 8) + "px";
      el.classList.toggle("kim-potensi-geser", !!(pilih[0] || pilih[1]));
    }
  }

  // Every kelurahan is named at every zoom from the one that fits the whole
  // map. Names sit at a point well inside their polygon; after each zoom,
  // names are placed biggest kelurahan first, and one that would overlap a
  // placed name (or a marker, where it can) moves to the nearest free spot
  // around its point, with a dot left at the point. Names that are wider than
  // their kelurahan at this zoom are drawn smaller first. The pane ignores the
  // mouse, so markers stay clickable.
  var GESER_ARAH = [[0, 0], [0, -1], [0, 1], [1, 0], [-1, 0], [1, -1], [-1, -1], [1, 1], [-1, 1]];
  var JARAK_MAKS = 6;

  function tumpang(a, b) {
    return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
  }

  function kenaSatu(kotak, daftar) {
    for (var i = 0; i < daftar.length; i++) { if (tumpang(kotak, daftar[i])) { return true; } }
    return false;
  }

  // A thin leader from a moved name back to its point, ending at the name's box.
  var SVG_NS = "http://www.w3.org/2000/svg";
  function garisLabel(el, dx, dy, w, h) {
    var svg = el.querySelector("svg.kim-label-garis");
    if (!dx && !dy) { if (svg) { svg.style.display = "none"; } return; }
    if (!svg) {
      svg = document.createElementNS(SVG_NS, "svg");
      svg.setAttribute("class", "kim-label-garis");
      svg.setAttribute("aria-hidden", "true");
      svg.appendChild(document.createElementNS(SVG_NS, "line"));
      el.insertBefore(svg, el.firstChild);
    }
    var t = Math.min(dx ? (w / 2) / Math.abs(dx) : Infinity, dy ? (h / 2) / Math.abs(dy) : Infinity, 1);
    var garis = svg.firstChild;
    garis.setAttribute("x1", 0); garis.setAttribute("y1", 0);
    garis.setAttribute("x2", dx * (1 - t)); garis.setAttribute("y2", dy * (1 - t));
    svg.style.display = "";
  }

  var BANYAK_LABEL = 60;
  L.kimLabel = function (d) {
    var grup = L.layerGroup();
    var label = [];
    grup.onAdd = function (map) {
      if (!map.getPane("kimLabel")) {
        var pane = map.createPane("kimLabel");
        pane.style.zIndex = 640;
        pane.style.pointerEvents = "none";
      }
      L.LayerGroup.prototype.onAdd.call(grup, map);
    };
    for (var i = 0; i < d.length; i++) {
      var m = L.marker([d[i][0], d[i][1]], {
        icon: L.divIcon({ className: "kim-label", html: "<span>" + d[i][2] + "</span>", iconSize: null }),
        interactive: false, keyboard: false, pane: "kimLabel"
      });
      m._kimZoomMuat = d[i][3];
      m._kimPrioritas = d[i].length > 4 ? d[i][4] : i;
      label.push(m);
      m.addTo(grup);
    }
    label.sort(function (a, b) { return a._kimPrioritas - b._kimPrioritas; });

    function kotakPenanda(map) {
      var hasil = [];
      var el = map.getContainer().querySelectorAll(".kim-potensi");
      for (var j = 0; j < el.length; j++) {
        var r = el[j].getBoundingClientRect();
        if (r.width) { hasil.push({ l: r.left + 3, r: r.right - 3, t: r.top + 3, b: r.bottom - 3 }); }
      }
      return hasil;
    }

    function atur() {
      var map = grup._map;
      if (!map) { return; }
      var z = map.getZoom();
      var penanda = kotakPenanda(map);
      var batasPeta = map.getContainer().getBoundingClientRect();
      // Not laid out yet (an iframe still sizing): try again shortly rather than hide every name.
      if (batasPeta.width < 20 || batasPeta.height < 20) { setTimeout(atur, 250); return; }
      var terpasang = [];
      // A city's names are all shown, moved aside when they collide; with many units (a province
      // at desa level) a name shows only from the zoom where it fits its unit, and never travels far.
      var banyak = label.length > BANYAK_LABEL, jarakMaks = banyak ? 1 : JARAK_MAKS;
      for (var j = 0; j < label.length; j++) {
        var el = label[j].getElement();
        if (!el) { continue; }
        var span = el.querySelector("span");
        el.style.display = "";
        span.style.transform = "";
        el.classList.remove("kim-label-geser");
        el.classList.toggle("kim-label-kecil", z < label[j]._kimZoomMuat);
        if (banyak && z < label[j]._kimZoomMuat) { el.style.display = "none"; garisLabel(el, 0, 0, 0, 0); continue; }
        var r = span.getBoundingClientRect();
        if (!r.width) { setTimeout(atur, 250); return; }  // not rendered yet (hidden iframe)
        var w = r.width + 4, h = r.height + 2;
        var cx = r.left + r.width / 2, cy = r.top + r.height / 2;
        // Off screen: nothing to resolve (it is placed again when the view moves).
        if (cx < batasPeta.left || cx > batasPeta.right || cy < batasPeta.top || cy > batasPeta.bottom) { continue; }
        var pilih = null, cadangan = null;
        // Nearest spot clear of names; clear of markers too when that costs at most two steps.
        for (var langkah = 0; langkah <= jarakMaks && !pilih; langkah++) {
          for (var a = langkah ? 1 : 0; a < (langkah ? GESER_ARAH.length : 1); a++) {
            var dx = GESER_ARAH[a][0] * langkah * w * 0.5, dy = GESER_ARAH[a][1] * langkah * h * 0.8;
            var k = { l: cx + dx - w / 2, r: cx + dx + w / 2, t: cy + dy - h / 2, b: cy + dy + h / 2 };
            if (k.l < batasPeta.left || k.r > batasPeta.right || k.t < batasPeta.top || k.b > batasPeta.bottom) { continue; }
            if (kenaSatu(k, terpasang)) { continue; }
            if (!kenaSatu(k, penanda)) { pilih = [dx, dy, k]; break; }
            if (!cadangan) { cadangan = [dx, dy, k]; }
          }
          if (!pilih && cadangan && langkah >= 1) { pilih = cadangan; }
        }
        pilih = pilih || cadangan;
        if (!pilih) { el.style.display = "none"; continue; }
        garisLabel(el, pilih[0], pilih[1], w, h);
        if (pilih[0] || pilih[1]) {
          span.style.transform = "translate(calc(-50% + " + pilih[0] + "px), calc(-50% + " + pilih[1] + "px))";
          el.classList.add("kim-label-geser");
        }
        terpasang.push(pilih[2]);
      }
    }
    // Deferred, so markers have been spread for this zoom before names avoid them.
    var nanti = function () { setTimeout(atur, 0); };
    grup.kimAtur = atur;
    grup.on("add", function () {
      grup._map.on("zoomend moveend resize", nanti);
      grup._map.whenReady(nanti);
      // The page may move the view without an event while its frame settles: look again a few times.
      [400, 1200, 3000].forEach(function (ms) { setTimeout(atur, ms); });
      // Streamlit sizes the map's iframe after the script ran: place again once it has its size.
      if (window.ResizeObserver && !grup._kimPengamat) {
        grup._kimPengamat = new ResizeObserver(nanti);
        grup._kimPengamat.observe(grup._map.getContainer());
      }
    });
    grup.on("remove", function () { if (grup._map) { grup._map.off("zoomend moveend resize", nanti); } });
    return grup;
  };
  // ---- Live map (the page): geometry once, then only per-view changes ----
  // L.kimHidup.lapisan makes the empty folium layers; L.kimHidup.muat fills them
  // from the static data (fetched once per data version, or inline in a file);
  // L.kimHidup.perbarui applies a view (colours, tooltip values, markers, legend,
  // selection) to the same Leaflet objects, so pan, zoom and the map survive.
  var hidup = { lapisan: {}, statis: null, keadaan: null, fitur: [], tampil: {} };
  window.__kimHidup = hidup;

  function cincin(a, skala) {
    var hasil = [], x = 0, y = 0;
    for (var i = 0; i + 1 < a.length; i += 2) { x += a[i]; y += a[i + 1]; hasil.push([y / skala, x / skala]); }
    return hasil;
  }

  function gayaDasar(warna) {
    return { fillColor: warna, fillOpacity: 0.72, color: "#4a5560", weight: 1.2, opacity: 0.9, className: "kim-kelurahan" };
  }

  function isiTooltip(i) {
    var k = hidup.statis.k[i], a = hidup.statis.alias || hidup.lapisan.kelurahan._kimOpsi.alias, n = hidup.tampil[i];
    return "<table><tr><th>" + a[0] + "</th><td>" + k[1] + "</td></tr><tr><th>" + a[1] + "</th><td>" + k[2] +
      "</td></tr><tr><th>" + a[2] + "</th><td>" + k[3] + "</td></tr><tr><th>" + hidup.keadaan.label + "</th><td>" +
      (n ? n.teks : "") + "</td></tr></table>";
  }

  function bangunKelurahan() {
    var s = hidup.statis, grup = hidup.lapisan.kelurahan;
    if (!grup) { return; }
    for (var i = 0; i < s.g.length; i++) {
      var poli = s.g[i].map(function (p) { return p.map(function (r) { return cincin(r, s.skala); }); });
      var l = L.polygon(poli.length === 1 ? poli[0] : poli, gayaDasar("#d9d9d9"));
      l._kimI = i;
      l.bindTooltip((function (j) { return function () { return isiTooltip(j); }; }(i)), { sticky: true, className: "kim-tooltip" });
      l.on("mouseover", function (e) { e.target.setStyle({ weight: 3, color: "#1b1f23", fillOpacity: 0.85 }); });
      l.on("mouseout", function (e) { var n = hidup.tampil[e.target._kimI]; e.target.setStyle(gayaDasar(n ? n.warna : "#d9d9d9")); });
      l.on("add", bisaDitekan);
      hidup.fitur.push(l);
    }
  }

  // Keyboard and screen readers: each unit is a named button in the tab order; Enter or Space
  // opens it exactly as a click does (a map click at a point inside it, its label's point).
  function bisaDitekan(e) {
    var l = e.target, el = l.getElement && l.getElement();
    if (!el || el._kimTombol) { return; }
    el._kimTombol = true;
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "button");
    el.setAttribute("aria-label", teksPolos(hidup.statis.k[l._kimI][1]));
    L.DomEvent.on(el, "keydown", function (ev) {
      if (ev.key !== "Enter" && ev.key !== " ") { return; }
      L.DomEvent.preventDefault(ev);
      bukaDenganKeyboard(l._kimI);
    });
  }

  function bukaDenganKeyboard(i) {
    var peta = hidup.peta, titik = hidup.statis.l[i];
    if (!peta || !titik) { return; }
    var ll = L.latLng(titik[0], titik[1]);
    var data = { latlng: ll, layerPoint: peta.latLngToLayerPoint(ll), containerPoint: peta.latLngToContainerPoint(ll) };
    // As a pointer click travels: the polygon, its layer group (where the page listens), then the map.
    hidup.fitur[i].fire("click", data, true);
    peta.fire("click", data);
  }

  function bangunLabel() {
    var s = hidup.statis, grup = hidup.lapisan.label;
    if (!grup) { return; }
    var d = s.l.map(function (x, i) { return [x[0], x[1], s.k[i][1], x[2], x[3]]; });
    grup._kimIsi = L["kimLabel"](d);  // bracket form on purpose: tests read map data after the dotted call
    grup.addLayer(grup._kimIsi);
  }

  function terapkan() {
    var s = hidup.statis, d = hidup.keadaan;
    if (!s || !d) { return; }
    var grup = hidup.lapisan.kelurahan, baru = {};
    for (var j = 0; j < d.i.length; j++) { baru[d.i[j]] = { warna: d.warna[d.w[j] < 0 ? d.warna.length - 1 : d.w[j]], teks: d.n[j] }; }
    hidup.tampil = baru;
    if (grup) {
      for (var i = 0; i < hidup.fitur.length; i++) {
        var l = hidup.fitur[i], n = baru[i];
        if (n) {
          l.setStyle(gayaDasar(n.warna));
          if (!grup.hasLayer(l)) { grup.addLayer(l); }
        } else if (grup.hasLayer(l)) { grup.removeLayer(l); }
      }
    }
    var pot = hidup.lapisan.potensi;
    // Same potentials as before (a selection or a metric change): keep the markers and any open popup.
    var sidikTitik = d.p.join(",") + (d.klaster ? "k" : "");
    if (pot && sidikTitik !== hidup.sidikTitik) {
      hidup.sidikTitik = sidikTitik;
      if (pot._kimIsi) { pot.removeLayer(pot._kimIsi); }
      var p = s.p, titik = d.p.map(function (k) { return p.titik[k]; });
      // bracket form on purpose: tests read a map's marker data after the dotted call
      pot._kimIsi = L["kimPotensi"]({ kategori: p.kategori, warna: p.warna, status: p.status, gaya: p.gaya, label: p.label,
        titik: titik, klaster: d.klaster });
      pot.addLayer(pot._kimIsi);
    }
    if (hidup.pilih) { hidup.pilih.remove(); hidup.pilih = null; }
    var peta = hidup.peta;
    if (d.pilih !== null && d.pilih !== undefined && peta) {
      var sumber = hidup.fitur[d.pilih];
      hidup.pilih = L.polygon(sumber.getLatLngs(), { fill: false, color: "#d7301f", weight: 4, opacity: 1, interactive: false,
        className: "kim-terpilih" }).addTo(peta);
    }
    if (peta) {
      var isi = peta.getContainer().querySelector(".kim-legenda-isi");
      if (isi && d.legenda) { isi.innerHTML = d.legenda; }
      else if (isi) {
        hidup.legendaHalaman = true;
        salinLegenda(isi);
        setTimeout(function () { salinLegenda(isi); }, 400);  // the page may draw its legend after the map
      }
    }
    if (hidup.layar && d.batas) { hidup.layar.options.batas = d.batas; }
    hidup.versi = (hidup.versi || 0) + 1;
    laporTergambar();
  }

  // The page asked (hidup.lapor, set by its update script) to hear once that the view is drawn: a browser's first
  // visit holds the controls around the map until then (ui/tunda.py). Sent after the next paint, with the map's
  // last report, so nothing else changes. Outside the page (a standalone file) there is no Streamlit to tell.
  function laporTergambar() {
    var st = window.Streamlit;
    if (!hidup.lapor || hidup.dilaporkan || !st || !st.setComponentValue) { return; }
    hidup.dilaporkan = true;
    requestAnimationFrame(function () {
      setTimeout(function () {
        var g = window.__GLOBAL_DATA__ || {};
        st.setComponentValue(Object.assign({}, g.previous_data || {}, { kim_tergambar: true }));
      }, 0);
    });
  }

  L.kimHidup = {
    lapisan: function (jenis, opsi) {
      var grup = L.featureGroup();
      grup._kimOpsi = opsi || {};
      hidup.lapisan[jenis] = grup;
      return grup;
    },
    muat: function (peta, o) {
      hidup.peta = peta;
      var selesai = function (s) { hidup.statis = s; bangunKelurahan(); bangunLabel(); terapkan(); };
      if (o.data) { selesai(o.data); return; }
      // The page's preloader (geo.peta.aset.skrip_pramuat) may have asked for it already, before Leaflet loaded.
      var diminta = window.__kimPramuat && window.__kimPramuat[o.url];
      if (diminta) { delete window.__kimPramuat[o.url]; }  // an answer's body is read once
      (diminta || fetch(o.url, { credentials: "same-origin" })).then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      }).then(selesai).catch(function (e) {
        console.error("Data peta gagal dimuat: " + e);
        laporTergambar();  // nothing to draw: the page need not wait on
      });
    },
    perbarui: function (d) { hidup.keadaan = d; terapkan(); }
  };
}());
