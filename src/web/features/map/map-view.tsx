import type { Feature } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Geometry } from './api.ts';

export type MapArea = {
  id: string;
  name: string;
  level: string;
  boundary: Geometry | null;
  /** Fill colour (choropleth or level colour). */
  fill: string;
  fillOpacity: number;
};

/** A building with coordinates, drawn as a point. */
export type BuildingPoint = { id: string; lng: number; lat: number };

const OUTLINE = '#c8161d';
const AREA_LINE = '#1f56c3';

/** Where the county sits when nothing has a boundary yet. */
const FALLBACK_VIEW: L.LatLngExpression = [35.1, 118.3];

function geoJson(geometry: Geometry): Feature {
  return { type: 'Feature', properties: {}, geometry };
}

/**
 * The Leaflet map: the selected place's outline, its areas as clickable polygons (SVG paths), buildings as
 * points, and an optional tile layer. `renderAreaPopup` and `renderBuildingPopup` give the popups' React content;
 * one popup is open at a time.
 */
export function MapView({
  outline,
  areas,
  buildings,
  tileUrl,
  labels,
  renderAreaPopup,
  renderBuildingPopup,
  height,
}: {
  outline: Geometry | null;
  areas: MapArea[];
  buildings: BuildingPoint[];
  tileUrl: string | null;
  /** Show area names on the map (off when there are many). */
  labels: boolean;
  renderAreaPopup: (id: string) => ReactNode;
  renderBuildingPopup: (id: string) => ReactNode;
  height: number | string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const popupRef = useRef<L.Popup | null>(null);
  const [popupBox] = useState(() => document.createElement('div'));
  const [popup, setPopup] = useState<{ kind: 'area' | 'building'; id: string } | null>(null);

  // The map is created once; layers come and go below.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const map = L.map(element, { zoomSnap: 0.25, attributionControl: false, preferCanvas: false });
    map.setView(FALLBACK_VIEW, 12);
    const popupLayer = L.popup({ maxWidth: 280, minWidth: 180, autoPanPadding: [16, 16] }).setContent(
      popupBox,
    );
    map.on('popupclose', () => setPopup(null));
    mapRef.current = map;
    popupRef.current = popupLayer;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
    };
  }, [popupBox]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tileUrl) return;
    const layer = L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [tileUrl]);

  const open = (kind: 'area' | 'building', id: string, at: L.LatLng) => {
    const map = mapRef.current;
    const layer = popupRef.current;
    if (!map || !layer) return;
    setPopup({ kind, id });
    layer.setLatLng(at).openOn(map);
  };
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = L.featureGroup().addTo(map);
    for (const area of areas) {
      if (!area.boundary) continue;
      const layer = L.geoJSON(geoJson(area.boundary), {
        style: {
          color: AREA_LINE,
          weight: 1.5,
          fillColor: area.fill,
          fillOpacity: area.fillOpacity,
          className: `ww-map-area ww-map-area-${area.level}`,
        },
      });
      layer.on('click', (e: L.LeafletMouseEvent) => openRef.current('area', area.id, e.latlng));
      if (labels) {
        layer.bindTooltip(area.name, { permanent: true, direction: 'center', className: 'ww-map-label' });
      } else {
        layer.bindTooltip(area.name, { sticky: true });
      }
      layer.addTo(group);
    }
    // Redrawn areas (the key-population layer switched on) stay below the building points, which stay clickable.
    group.bringToBack();
    return () => {
      group.remove();
    };
  }, [areas, labels]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !outline) return;
    const layer = L.geoJSON(geoJson(outline), {
      style: { color: OUTLINE, weight: 3, fill: false, dashArray: '6 4', className: 'ww-map-outline' },
      interactive: false,
    }).addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24] });
    return () => {
      layer.remove();
    };
  }, [outline]);

  // Without an outline of its own, the view follows the areas once they arrive.
  const areaBounds = useMemo(() => {
    const bounds = L.latLngBounds([]);
    for (const area of areas) if (area.boundary) bounds.extend(L.geoJSON(geoJson(area.boundary)).getBounds());
    return bounds.isValid() ? bounds.toBBoxString() : null;
  }, [areas]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || outline || !areaBounds) return;
    const [w, s, e, n] = areaBounds.split(',').map(Number) as [number, number, number, number];
    map.fitBounds([
      [s, w],
      [n, e],
    ]);
  }, [outline, areaBounds]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = L.featureGroup().addTo(map);
    for (const b of buildings) {
      L.circleMarker([b.lat, b.lng], {
        radius: 4,
        color: '#0f2744',
        weight: 1,
        fillColor: '#f6c453',
        fillOpacity: 0.95,
        className: 'ww-map-building',
      })
        .on('click', (e: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(e);
          openRef.current('building', b.id, e.latlng);
        })
        .addTo(group);
    }
    return () => {
      group.remove();
    };
  }, [buildings]);

  // The popup was laid out before React filled it; fit it to its content.
  useEffect(() => {
    if (popup) popupRef.current?.update();
  }, [popup]);

  const content = popup
    ? popup.kind === 'area'
      ? renderAreaPopup(popup.id)
      : renderBuildingPopup(popup.id)
    : null;

  return (
    <>
      <div ref={box} className="ww-map" style={{ height }} data-testid="map" />
      {createPortal(content, popupBox)}
    </>
  );
}
