import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './kiosk.css';
import { KioskApp } from './kiosk-app';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><KioskApp /></StrictMode>);
