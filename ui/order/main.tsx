import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './order.css';
import { OrderApp } from './order-app';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><OrderApp /></StrictMode>);
