//! `WorldMap`: an offline world map (Natural Earth country outlines as SVG) with one circle per
//! place, sized by the casualties counted there.
//!
//! Usage (the app shell fetches `basemap/countries-110m.json` by relative URL and passes the
//! text; until it arrives pass `""` and only the globe outline and markers are drawn):
//!
//! ```ignore
//! html! {
//!     <WorldMap topology={basemap_text} markers={markers} selected={selected_place}
//!               on_select={Callback::from(move |place: Option<String>| filter_by(place))} />
//! }
//! ```
//!
//! - Click (or Enter/Space on) a marker: `on_select(Some(name))`; clicking the selected marker
//!   again, clicking the map background, or Escape: `on_select(None)`.
//! - Zoom: mouse wheel (about the pointer), the + / − buttons, `+`/`-` keys; pan: drag, arrow
//!   keys; fit all markers: the ⤢ button or `f`; reset: the ⟲ button or `0`. Only a `transform` on one `<g>` changes when zooming:
//!   the country paths are built once per topology and never re-rendered.
//! - Each marker is `<circle class="map-marker" data-marker="NAME" role="button" tabindex="0"
//!   aria-label=...>` with a `<title>`; hovering or focusing one shows a styled tooltip.
//! - Styles: `www/map.css` (CSS variables, light and dark theme).

use super::projection::{
    graticule_path, height, marker_radius, polygons_path, project, sphere_path, WIDTH,
};
use super::topo;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// One place to draw on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapMarker {
    /// The place's name: the marker's identity (`data-marker`, `on_select`, `selected`).
    pub name: String,
    /// WGS84 latitude, degrees.
    pub lat: f64,
    /// WGS84 longitude, degrees.
    pub lon: f64,
    /// People counted killed here (sizes the marker with `injured`).
    pub killed: u64,
    /// People counted injured here.
    pub injured: u64,
    /// Lines shown on hover (e.g. "at least 12 killed — doc1.txt").
    pub figures: Vec<String>,
}

/// Properties of [`WorldMap`].
#[derive(Properties, PartialEq)]
pub struct WorldMapProps {
    /// The TopoJSON text of the basemap (world-atlas `countries-*.json`); empty while loading.
    #[prop_or_default]
    pub topology: AttrValue,
    /// Optional finer TopoJSON (world-atlas `countries-50m.json`), drawn instead of `topology`
    /// from zoom [`DETAIL_ZOOM`] up; empty = always `topology`.
    #[prop_or_default]
    pub detail: AttrValue,
    /// The TopoJSON object to draw (in both topologies).
    #[prop_or(AttrValue::Static("countries"))]
    pub object: AttrValue,
    /// The places to mark.
    #[prop_or_default]
    pub markers: Vec<MapMarker>,
    /// The selected place's name, drawn highlighted.
    #[prop_or_default]
    pub selected: Option<String>,
    /// Called with `Some(name)` when a marker is chosen, `None` to clear the selection.
    #[prop_or_default]
    pub on_select: Callback<Option<String>>,
}

/// Country outlines built once per topology: `(name, svg path data)`.
struct Basemap {
    countries: Vec<(String, String)>,
    error: Option<String>,
}

impl Basemap {
    fn new(topology: &str, object: &str) -> Basemap {
        if topology.trim().is_empty() {
            return Basemap {
                countries: Vec::new(),
                error: None,
            };
        }
        match topo::features(topology, Some(object)) {
            Ok(fs) => Basemap {
                countries: fs
                    .iter()
                    .map(|f| {
                        (
                            f.name.clone().unwrap_or_default(),
                            polygons_path(&f.polygons),
                        )
                    })
                    .filter(|(_, d)| !d.is_empty())
                    .collect(),
                error: None,
            },
            Err(e) => Basemap {
                countries: Vec::new(),
                error: Some(e.to_string()),
            },
        }
    }
}

#[derive(Properties)]
struct LayerProps {
    basemap: Rc<Basemap>,
}

impl PartialEq for LayerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.basemap, &other.basemap)
    }
}

/// The static layers (sphere, graticule, countries): re-rendered only for a new topology.
#[function_component(StaticLayers)]
fn static_layers(props: &LayerProps) -> Html {
    let sphere = use_memo((), |_| sphere_path());
    let graticule = use_memo((), |_| graticule_path(30.0));
    html! {
        <>
            <path class="map-sphere" d={(*sphere).clone()} vector-effect="non-scaling-stroke" />
            <path class="map-graticule" d={(*graticule).clone()} vector-effect="non-scaling-stroke" />
            <g class="map-countries">
                { for props.basemap.countries.iter().map(|(name, d)| html! {
                    <path class="map-country" d={d.clone()} fill-rule="evenodd"
                          vector-effect="non-scaling-stroke" data-country={name.clone()} />
                }) }
            </g>
        </>
    }
}

/// Zoom factor and translation, in viewBox units: screen = map * k + (tx, ty).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Zoom factor (1: the whole world).
    pub k: f64,
    /// Horizontal translation.
    pub tx: f64,
    /// Vertical translation.
    pub ty: f64,
}

/// Zoom factor from which the `detail` topology (if given) replaces the coarse one.
pub const DETAIL_ZOOM: f64 = 3.0;

const MIN_ZOOM: f64 = 1.0;
const MAX_ZOOM: f64 = 40.0;

impl View {
    const HOME: View = View {
        k: 1.0,
        tx: 0.0,
        ty: 0.0,
    };

    /// Keeps the map covering the viewport (no panning off into the void).
    fn clamped(self, h: f64) -> View {
        let k = self.k.clamp(MIN_ZOOM, MAX_ZOOM);
        View {
            k,
            tx: self.tx.clamp(WIDTH - WIDTH * k, 0.0),
            ty: self.ty.clamp(h - h * k, 0.0),
        }
    }

    /// Zooms by `factor` keeping the viewBox point `(px, py)` fixed on screen.
    fn zoom_at(self, factor: f64, px: f64, py: f64, h: f64) -> View {
        let k = (self.k * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let f = k / self.k;
        View {
            k,
            tx: px - (px - self.tx) * f,
            ty: py - (py - self.ty) * f,
        }
        .clamped(h)
    }

    /// The view that shows all the given viewBox points with some margin (at most zoom 12,
    /// so a single place still shows its surroundings).
    fn fit(points: &[(f64, f64)], h: f64) -> View {
        let Some(&(x0, y0)) = points.first() else {
            return View::HOME;
        };
        let (mut lo_x, mut hi_x, mut lo_y, mut hi_y) = (x0, x0, y0, y0);
        for &(x, y) in points {
            lo_x = lo_x.min(x);
            hi_x = hi_x.max(x);
            lo_y = lo_y.min(y);
            hi_y = hi_y.max(y);
        }
        const MARGIN: f64 = 40.0;
        let bw = (hi_x - lo_x + 2.0 * MARGIN).max(1.0);
        let bh = (hi_y - lo_y + 2.0 * MARGIN).max(1.0);
        let k = (WIDTH / bw).min(h / bh).clamp(MIN_ZOOM, 12.0);
        let (cx, cy) = ((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0);
        View {
            k,
            tx: WIDTH / 2.0 - cx * k,
            ty: h / 2.0 - cy * k,
        }
        .clamped(h)
    }

    fn pan(self, dx: f64, dy: f64, h: f64) -> View {
        View {
            tx: self.tx + dx,
            ty: self.ty + dy,
            ..self
        }
        .clamped(h)
    }
}

/// Drag bookkeeping (no re-render needed): where the pointer went down and the view then.
#[derive(Default)]
struct Drag {
    start: Option<(f64, f64, View)>,
    pointer: Option<i32>,
    /// Set once the pointer moved far enough to be a drag, so the click that ends it does not
    /// also clear the selection.
    moved: bool,
}

/// Pixels of movement before a press becomes a drag.
const DRAG_THRESHOLD: f64 = 4.0;

/// Whether a marker has coordinates that can be drawn.
fn valid(m: &MapMarker) -> bool {
    m.lat.is_finite()
        && m.lon.is_finite()
        && (-90.0..=90.0).contains(&m.lat)
        && (-180.0..=180.0).contains(&m.lon)
}

fn count_label(m: &MapMarker) -> String {
    format!("Counted here: {} killed, {} injured", m.killed, m.injured)
}

/// The world map with casualty markers. See the module docs.
/// The map's pan and zoom: the view and the pointer handlers that change it (wheel zooms at
/// the pointer, a drag pans once it passes [`DRAG_THRESHOLD`]). Buttons and keys set the view
/// through [`PanZoom::view`].
#[derive(Clone)]
pub struct PanZoom {
    /// The current view (set it to move the map).
    pub view: UseStateHandle<View>,
    /// Zooms at the pointer.
    pub onwheel: Callback<WheelEvent>,
    /// Starts a possible drag.
    pub onpointerdown: Callback<PointerEvent>,
    /// Pans once the pointer has moved far enough.
    pub onpointermove: Callback<PointerEvent>,
    /// Ends a drag (pointer up or cancelled).
    pub end_drag: Callback<PointerEvent>,
    drag: Rc<RefCell<Drag>>,
}

impl PanZoom {
    /// `f` for a click that did not end a drag.
    pub fn click(&self, f: Callback<MouseEvent>) -> Callback<MouseEvent> {
        let drag = self.drag.clone();
        Callback::from(move |e: MouseEvent| {
            let moved = std::mem::take(&mut drag.borrow_mut().moved);
            if !moved {
                f.emit(e);
            }
        })
    }
}

/// Pan and zoom of the SVG map `svg_ref` whose viewBox is [`WIDTH`] by `h` units.
#[hook]
pub fn use_pan_zoom(svg_ref: &NodeRef, h: f64) -> PanZoom {
    let view = use_state(|| View::HOME);
    let drag = use_mut_ref(Drag::default);
    let svg_ref = svg_ref.clone();

    // Client (CSS pixel) coordinates -> viewBox units, and the pixels per unit.
    let to_view = {
        let svg_ref = svg_ref.clone();
        move |cx: f64, cy: f64| -> Option<(f64, f64, f64)> {
            let el = svg_ref.cast::<web_sys::Element>()?;
            let r = el.get_bounding_client_rect();
            if r.width() <= 0.0 {
                return None;
            }
            let ppu = r.width() / WIDTH;
            Some(((cx - r.left()) / ppu, (cy - r.top()) / ppu, ppu))
        }
    };

    let onwheel = {
        let view = view.clone();
        let to_view = to_view.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let Some((px, py, _)) = to_view(f64::from(e.client_x()), f64::from(e.client_y()))
            else {
                return;
            };
            // deltaMode 1 = lines, 2 = pages; normalise to pixels.
            let unit = match e.delta_mode() {
                1 => 16.0,
                2 => 400.0,
                _ => 1.0,
            };
            let dy = (e.delta_y() * unit).clamp(-400.0, 400.0);
            view.set(view.zoom_at((-dy * 0.002).exp(), px, py, h));
        })
    };

    let onpointerdown = {
        let drag = drag.clone();
        let view = view.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let mut d = drag.borrow_mut();
            d.start = Some((f64::from(e.client_x()), f64::from(e.client_y()), *view));
            d.pointer = Some(e.pointer_id());
            d.moved = false;
        })
    };

    let onpointermove = {
        let drag = drag.clone();
        let view = view.clone();
        let to_view = to_view.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            let Some((x0, y0, v0)) = d.start else {
                return;
            };
            let (dx, dy) = (f64::from(e.client_x()) - x0, f64::from(e.client_y()) - y0);
            if !d.moved && dx.hypot(dy) < DRAG_THRESHOLD {
                return;
            }
            if !d.moved {
                d.moved = true;
                // Capture only once it is a drag, so a plain click still reaches its marker.
                if let (Some(el), Some(id)) = (svg_ref.cast::<web_sys::Element>(), d.pointer) {
                    let _ = el.set_pointer_capture(id);
                }
            }
            let Some((_, _, ppu)) = to_view(0.0, 0.0) else {
                return;
            };
            view.set(v0.pan(dx / ppu, dy / ppu, h));
        })
    };

    let end_drag = {
        let drag = drag.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |_: PointerEvent| {
            let mut d = drag.borrow_mut();
            d.start = None;
            if let (Some(el), Some(id)) = (svg_ref.cast::<web_sys::Element>(), d.pointer.take()) {
                let _ = el.release_pointer_capture(id);
            }
        })
    };

    PanZoom {
        view,
        onwheel,
        onpointerdown,
        onpointermove,
        end_drag,
        drag,
    }
}

#[function_component(WorldMap)]
pub fn world_map(props: &WorldMapProps) -> Html {
    let basemap = use_memo((props.topology.clone(), props.object.clone()), |(t, o)| {
        Basemap::new(t, o)
    });
    let detail = use_memo((props.detail.clone(), props.object.clone()), |(t, o)| {
        Basemap::new(t, o)
    });
    let hover = use_state(|| None::<String>);
    let svg_ref = use_node_ref();
    let h = height();
    let pz = use_pan_zoom(&svg_ref, h);
    let view = pz.view.clone();
    let PanZoom {
        onwheel,
        onpointerdown,
        onpointermove,
        end_drag,
        ..
    } = pz.clone();

    // A click on the map itself (not a marker) clears the selection, unless it ended a drag.
    let onclick_background = {
        let on_select = props.on_select.clone();
        pz.click(Callback::from(move |_: MouseEvent| on_select.emit(None)))
    };

    // Projected positions of the markers that have valid coordinates (for "fit").
    let points: Rc<Vec<(f64, f64)>> = Rc::new(
        props
            .markers
            .iter()
            .filter(|m| valid(m))
            .map(|m| project(m.lon, m.lat))
            .collect(),
    );
    let fit = {
        let view = view.clone();
        let points = points.clone();
        Callback::from(move |_: MouseEvent| view.set(View::fit(&points, h)))
    };

    let zoom_button = |factor: f64| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            view.set(view.zoom_at(factor, WIDTH / 2.0, h / 2.0, h));
        })
    };
    let reset = {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(View::HOME))
    };

    let onkeydown = {
        let view = view.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = 60.0;
            let next = match e.key().as_str() {
                "ArrowLeft" => view.pan(step, 0.0, h),
                "ArrowRight" => view.pan(-step, 0.0, h),
                "ArrowUp" => view.pan(0.0, step, h),
                "ArrowDown" => view.pan(0.0, -step, h),
                "+" | "=" => view.zoom_at(1.5, WIDTH / 2.0, h / 2.0, h),
                "-" | "_" => view.zoom_at(1.0 / 1.5, WIDTH / 2.0, h / 2.0, h),
                "0" => View::HOME,
                "f" | "F" => View::fit(&points, h),
                "Escape" => {
                    on_select.emit(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            view.set(next);
        })
    };

    // Markers: projected once per render (a handful), drawn in screen space so their size
    // does not change with the zoom. Big ones first so small ones stay clickable on top; the
    // selected one last.
    let v = *view;
    let max_count = props
        .markers
        .iter()
        .map(|m| m.killed.saturating_add(m.injured))
        .max()
        .unwrap_or(0);
    let mut order: Vec<(usize, f64)> = props
        .markers
        .iter()
        .enumerate()
        .filter(|(_, m)| valid(m))
        .map(|(i, m)| {
            (
                i,
                marker_radius(m.killed.saturating_add(m.injured), max_count),
            )
        })
        .collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1));
    if let Some(sel) = &props.selected {
        if let Some(pos) = order
            .iter()
            .position(|(i, _)| props.markers.get(*i).is_some_and(|m| &m.name == sel))
        {
            let s = order.remove(pos);
            order.push(s);
        }
    }
    let unmapped = props.markers.len() - order.len();

    let markers = order.iter().filter_map(|&(i, r)| {
        let m = props.markers.get(i)?;
        let (x, y) = project(m.lon, m.lat);
        let (sx, sy) = (x * v.k + v.tx, y * v.k + v.ty);
        let selected = props.selected.as_deref() == Some(m.name.as_str());
        let total = m.killed.saturating_add(m.injured);
        let class = classes!(
            "map-marker",
            selected.then_some("selected"),
            (total == 0).then_some("zero"),
        );
        let choose = {
            let on_select = props.on_select.clone();
            let name = m.name.clone();
            move || on_select.emit(if selected { None } else { Some(name.clone()) })
        };
        let onclick = {
            let choose = choose.clone();
            Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                choose();
            })
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " ") {
                e.prevent_default();
                e.stop_propagation();
                choose();
            }
        });
        let show = {
            let hover = hover.clone();
            let name = m.name.clone();
            move || hover.set(Some(name.clone()))
        };
        let hide = {
            let hover = hover.clone();
            move || hover.set(None)
        };
        let (show2, hide2) = (show.clone(), hide.clone());
        let label = format!(
            "{}: {}{}",
            m.name,
            count_label(m),
            if selected { " (selected)" } else { "" }
        );
        let title = std::iter::once(format!("{} — {}", m.name, count_label(m)))
            .chain(m.figures.iter().cloned())
            .collect::<Vec<_>>()
            .join("\n");
        Some(html! {
            <circle {class} key={i} cx={fmt(sx)} cy={fmt(sy)} r={fmt(r)}
                    data-marker={m.name.clone()} role="button" tabindex="0"
                    aria-label={label} aria-pressed={selected.to_string()}
                    {onclick} {onkeydown}
                    onpointerenter={Callback::from(move |_: PointerEvent| show())}
                    onpointerleave={Callback::from(move |_: PointerEvent| hide())}
                    onfocus={Callback::from(move |_: FocusEvent| show2())}
                    onblur={Callback::from(move |_: FocusEvent| hide2())}>
                <title>{ title }</title>
            </circle>
        })
    });

    let tooltip_ref = use_node_ref();
    let frame_ref = use_node_ref();
    // The tooltip of the hovered or focused marker, positioned in % of the map box.
    let tooltip = (*hover).as_ref().and_then(|name| {
        let m = props.markers.iter().find(|m| &m.name == name)?;
        let (x, y) = project(m.lon, m.lat);
        let (sx, sy) = (x * v.k + v.tx, y * v.k + v.ty);
        if !(0.0..=WIDTH).contains(&sx) || !(0.0..=h).contains(&sy) {
            return None;
        }
        let flip_x = sx > WIDTH * 0.6;
        let flip_y = sy > h * 0.6;
        let pos = (sx / WIDTH * 100.0, sy / h * 100.0);
        let class = classes!(
            "map-tooltip",
            flip_x.then_some("flip-x"),
            flip_y.then_some("flip-y")
        );
        Some((pos, html! {
            <div {class} ref={tooltip_ref.clone()} role="tooltip">
                <strong>{ &m.name }</strong>
                <div class="map-tooltip-counts">{ count_label(m) }</div>
                if !m.figures.is_empty() {
                    <ul>{ for m.figures.iter().take(12).map(|f| html! { <li>{ f }</li> }) }</ul>
                }
                if m.figures.len() > 12 {
                    <div class="map-tooltip-more">{ format!("… {} more", m.figures.len() - 12) }</div>
                }
            </div>
        }))
    });
    // Positions go through the CSSOM, not `style` attributes, which the page's
    // Content-Security-Policy (style-src 'self') blocks.
    let tooltip_pos = tooltip.as_ref().map(|(pos, _)| *pos);
    {
        let tooltip_ref = tooltip_ref.clone();
        use_effect_with(tooltip_pos, move |pos| {
            if let (Some((x, y)), Some(el)) = (pos, tooltip_ref.cast::<web_sys::HtmlElement>()) {
                let style = el.style();
                let _ = style.set_property("left", &format!("{x:.3}%"));
                let _ = style.set_property("top", &format!("{y:.3}%"));
            }
        });
    }
    {
        let frame_ref = frame_ref.clone();
        use_effect_with(h.to_bits(), move |_| {
            if let Some(el) = frame_ref.cast::<web_sys::HtmlElement>() {
                let ratio = format!("{} / {}", fmt(WIDTH), fmt(h));
                let _ = el.style().set_property("aspect-ratio", &ratio);
            }
        });
    }
    let tooltip = tooltip.map(|(_, t)| t);

    let layer = if v.k >= DETAIL_ZOOM && !detail.countries.is_empty() {
        detail.clone()
    } else {
        basemap.clone()
    };
    let error = basemap.error.clone().or_else(|| detail.error.clone());
    let transform = format!("translate({} {}) scale({})", fmt(v.tx), fmt(v.ty), v.k);
    let view_box = format!("0 0 {} {}", fmt(WIDTH), fmt(h));
    html! {
        <figure class="world-map">
            <div class="map-frame" ref={frame_ref}>
                <svg ref={svg_ref} class="map-svg" viewBox={view_box}
                     preserveAspectRatio="xMidYMid meet" tabindex="0" role="group"
                     aria-label="World map of the places with casualty figures. Arrow keys pan, + and - zoom, F fits the places, 0 resets, Tab moves between places."
                     {onwheel} {onpointerdown} {onpointermove}
                     onpointerup={end_drag.clone()} onpointercancel={end_drag}
                     onclick={onclick_background} {onkeydown}>
                    <g class="map-zoom" transform={transform}>
                        <StaticLayers basemap={layer} />
                    </g>
                    <g class="map-markers">{ for markers }</g>
                </svg>
                // A stable wrapper: a bare optional child here makes Yew re-insert the <svg>,
                // which drops keyboard focus.
                <div class="map-tooltip-layer">{ for tooltip }</div>
                <div class="map-controls">
                    <button type="button" class="map-zoom-in" aria-label="Zoom in" title="Zoom in"
                            onclick={zoom_button(1.5)}>{ "+" }</button>
                    <button type="button" class="map-zoom-out" aria-label="Zoom out" title="Zoom out"
                            onclick={zoom_button(1.0 / 1.5)}>{ "−" }</button>
                    <button type="button" class="map-fit" aria-label="Zoom to the places"
                            title="Zoom to the places (F)" onclick={fit}>{ "⤢" }</button>
                    <button type="button" class="map-reset" aria-label="Reset zoom" title="Reset zoom"
                            onclick={reset}>{ "⟲" }</button>
                </div>
            </div>
            <figcaption class="map-caption">
                <span class="map-legend">
                    <svg class="map-legend-key" viewBox="0 0 40 20" aria-hidden="true">
                        <circle class="map-marker" cx="10" cy="10" r="8" />
                        <circle class="map-marker zero" cx="31" cy="10" r="3.5" />
                    </svg>
                    { "Circle area: people killed + injured at that place (hollow: none counted)." }
                </span>
                if unmapped > 0 {
                    <span class="map-note">{ format!(" {unmapped} place(s) without valid coordinates are not shown.") }</span>
                }
                if let Some(err) = &error {
                    <span class="map-error">{ format!(" Basemap not drawn: {err}.") }</span>
                }
                <span class="map-credit">{ " Map outlines: Natural Earth (public domain), via world-atlas (ISC)." }</span>
            </figcaption>
        </figure>
    }
}

/// A coordinate with at most two decimals.
fn fmt(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}
